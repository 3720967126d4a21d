import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { testContext } from '../test/harness';
import { add, check, playInMemory, redo, stepArbitrary, undo, type Step } from '../test/steps';
import { decide } from './decide';
import { openLists } from './lists';
import { foldLog } from './read-model';
import { inEnglish } from '../i18n/english';

const start = () => foldLog([]);
const names = (list: ReturnType<typeof start>) =>
  [...list.products.values()].map((p) => `${p.name}×${p.quantity}${p.checked ? '✓' : ''}`);

describe('undo and redo', () => {
  it('property: any action followed by its undo leaves the list exactly as it was', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 25 }), stepArbitrary, (history, action) => {
        const ctx = testContext();
        const before = playInMemory(start(), ctx, history);
        const after = playInMemory(before, ctx, [action]);
        if (after.lastSeq === before.lastSeq) return; // refused or changed nothing
        // An action is reversed on the list it changed: by undo, or by redo for an undo itself.
        const streamId =
          [...after.versions].find(([id, v]) => before.versions.get(id) !== v)?.[0] ??
          DEFAULT_STREAM;
        const reverse: Step = () => ({ type: action === undo ? 'Redo' : 'Undo', streamId });
        const again: Step = () => ({ type: action === undo ? 'Undo' : 'Redo', streamId });
        const undone = playInMemory(after, ctx, [reverse]);
        expect(undone.products).toEqual(before.products);
        // A list made and unmade leaves a deleted row behind (its stream stays in the log); the
        // lists a person can open are the same.
        expect(openLists(undone.lists, undone.versions, DEFAULT_STREAM)).toEqual(
          openLists(before.lists, before.versions, DEFAULT_STREAM),
        );
        const redone = playInMemory(undone, ctx, [again]);
        expect(redone.products).toEqual(after.products);
      }),
      { numRuns: 300 },
    );
  });

  it('walks a whole session back, and forward again', () => {
    const ctx = testContext();
    const steps = [add('Milk'), add('Bread'), check('Bread'), add('milk', 2)];
    const states = [start()];
    for (const step of steps) states.push(playInMemory(states.at(-1)!, ctx, [step]));
    let list = states.at(-1)!;
    for (let i = steps.length - 1; i >= 0; i -= 1) {
      list = playInMemory(list, ctx, [undo]);
      expect(names(list)).toEqual(names(states[i]!));
    }
    const nothing = decide({ type: 'Undo', streamId: DEFAULT_STREAM }, list, ctx);
    expect(!nothing.ok && inEnglish(nothing.message)).toBe('There is nothing to undo.');
    for (let i = 1; i <= steps.length; i += 1) {
      list = playInMemory(list, ctx, [redo]);
      expect(names(list)).toEqual(names(states[i]!));
    }
  });

  it('undoes a clear of bought products in one step, bought state and all', () => {
    const ctx = testContext();
    const bought = playInMemory(start(), ctx, [
      add('Milk', 2),
      add('Bread'),
      check('Milk'),
      check('Bread'),
    ]);
    const cleared = playInMemory(bought, ctx, [
      () => ({ type: 'ClearCheckedProducts', streamId: DEFAULT_STREAM }),
    ]);
    expect(cleared.products.size).toBe(0);
    expect(playInMemory(cleared, ctx, [undo]).products).toEqual(bought.products);
  });

  it('forgets what could be redone once something new is done', () => {
    const ctx = testContext();
    const list = playInMemory(start(), ctx, [add('Milk'), add('Bread'), undo, add('Eggs')]);
    expect(list.stacks.get(DEFAULT_STREAM)?.redo).toEqual([]);
    expect(list.stacks.get(DEFAULT_STREAM)?.undo.map((e) => inEnglish(e.label))).toEqual([
      'Added Milk.',
      'Added Eggs.',
    ]);
  });
});
