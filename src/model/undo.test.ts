import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { inEnglish } from '../i18n/english';
import { add, check, clearBought, redo, undo } from '../test/commands';
import { given, rowsOf, tried } from '../test/given';
import { stepArbitrary } from '../test/steps';
import { openLists } from './lists';

describe('undo and redo', () => {
  it('property: any action followed by its undo leaves the list exactly as it was', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 25 }), stepArbitrary, (history, action) => {
        const before = given(...history.map(tried));
        const after = before.and(tried(action));
        if (after.state.lastSeq === before.state.lastSeq) return; // refused or changed nothing
        // An action is reversed on the list it changed: by undo, or by redo for an undo itself.
        const streamId =
          [...after.state.versions].find(([id, v]) => before.state.versions.get(id) !== v)?.[0] ??
          DEFAULT_STREAM;
        const wasUndo = after.log[before.log.length]?.type === 'ActionUndone';
        const [reverse, again] = wasUndo ? [redo, undo] : [undo, redo];
        const undone = after.and(reverse(streamId));
        expect(undone.state.products).toEqual(before.state.products);
        // A list made and unmade leaves a deleted row behind (its stream stays in the log); the
        // lists a person can open are the same.
        const open = (s: typeof before) =>
          openLists(s.state.lists, s.state.versions, DEFAULT_STREAM);
        expect(open(undone)).toEqual(open(before));
        expect(undone.and(again(streamId)).state.products).toEqual(after.state.products);
      }),
      { numRuns: 300 },
    );
  });

  it('walks a whole session back, and forward again', () => {
    const steps = [add('Milk'), add('Bread'), check('Bread'), add('milk', 2)];
    const after = steps.map((_, i) => rowsOf(given(...steps.slice(0, i)).state));
    let session = given(...steps);
    for (let i = steps.length - 1; i >= 0; i -= 1) {
      session = session.and(undo());
      expect(rowsOf(session.state)).toEqual(after[i]);
    }
    session.when(undo()).thenRefused('There is nothing to undo.');
    for (let i = 1; i <= steps.length; i += 1) {
      session = session.and(redo());
      expect(rowsOf(session.state)).toEqual(rowsOf(given(...steps.slice(0, i)).state));
    }
  });

  it('undoes a clear of bought products in one step, bought state and all', () => {
    const bought = given(add('Milk', 2), add('Bread'), check('Milk'), check('Bread'));
    const cleared = bought.and(clearBought());
    expect(cleared.state.products.size).toBe(0);
    expect(cleared.and(undo()).state.products).toEqual(bought.state.products);
  });

  it('forgets what could be redone once something new is done', () => {
    given(add('Milk'), add('Bread'), undo(), add('Eggs')).then((list) => {
      expect(list.stacks.get(DEFAULT_STREAM)?.redo).toEqual([]);
      expect(list.stacks.get(DEFAULT_STREAM)?.undo.map((e) => inEnglish(e.label))).toEqual([
        'Added Milk.',
        'Added Eggs.',
      ]);
    });
  });
});
