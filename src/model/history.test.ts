import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM, type StoredEvent } from '../events';
import { testContext } from '../test/harness';
import { add, check, undo, valid, type Step } from '../test/steps';
import { decide } from './decide';
import { listAt, tellHistory } from './history';
import { applyCommitted, foldLog, type ListState } from './read-model';
import { inEnglish } from '../i18n/english';

/** Plays steps and keeps the log they write, as the store would. */
function session(...steps: Step[]) {
  const ctx = testContext();
  let list: ListState = foldLog([]);
  const log: StoredEvent[] = [];
  for (const step of steps) {
    const decision = decide(step(list), list, ctx);
    if (!decision.ok) throw new Error(inEnglish(decision.message));
    const stored = decision.events.map((e, i) => ({ ...e, seq: list.lastSeq + i + 1 }));
    log.push(...stored);
    list = applyCommitted(list, stored);
  }
  return { list, log, ctx };
}

const rename =
  (from: string, to: string, quantity = 1): Step =>
  (list) => ({
    type: 'EditProduct',
    productId: [...list.products.values()].find((p) => p.name === from)!.productId,
    ...valid(to, quantity),
  });
const clear: Step = () => ({ type: 'ClearCheckedProducts', streamId: DEFAULT_STREAM });

describe('the history', () => {
  it('tells each action as a sentence, with names as they were at the time', () => {
    const { log } = session(
      add('Milk', 2),
      add('Tea'),
      add('Bread'),
      rename('Tea', 'Green tea'),
      add('milk'),
      check('Bread'),
      check('Milk'),
      clear,
      undo,
    );
    expect(tellHistory(log).map((e) => inEnglish(e.what))).toEqual([
      'Added Milk × 2.',
      'Added Tea.',
      'Added Bread.',
      'Renamed Tea to Green tea.',
      'Milk is now × 3.',
      'Checked off Bread.',
      'Checked off Milk.',
      'Cleared 2 bought products.',
      'Undid: Cleared 2 bought products.',
    ]);
  });

  it('treats an edit of name and quantity as one action', () => {
    const { log } = session(add('Tea'), rename('Tea', 'Green tea', 2));
    expect(tellHistory(log).map((e) => inEnglish(e.what))).toEqual([
      'Added Tea.',
      'Renamed Tea to Green tea × 2.',
    ]);
  });
});

describe('looking back and restoring', () => {
  it('shows the list exactly as it was at any moment, and restores it as one undoable action', () => {
    const { log } = session(add('Milk'), add('Bread'), check('Bread'));
    const moment = tellHistory(log)[1]!; // just after "Added Bread."
    const later = session(
      add('Milk'),
      add('Bread'),
      check('Bread'),
      clear,
      add('Eggs'),
      rename('Milk', 'Oat milk'),
    );
    const then = listAt(later.log, DEFAULT_STREAM, moment.seq);
    expect(then.map((p) => [p.name, p.checked])).toEqual([
      ['Milk', false],
      ['Bread', false],
    ]);

    const decision = decide(
      { type: 'RestoreList', streamId: DEFAULT_STREAM, asOf: moment.at, products: then },
      later.list,
      later.ctx,
    );
    if (!decision.ok) throw new Error(inEnglish(decision.message));
    expect(decision.events[0]).toMatchObject({
      type: 'ListRestored',
      payload: { asOf: moment.at },
    });
    const stored = decision.events.map((e, i) => ({ ...e, seq: later.list.lastSeq + i + 1 }));
    const restored = applyCommitted(later.list, stored);
    expect([...restored.products.values()]).toEqual(then);
    expect(inEnglish(tellHistory([...later.log, ...stored]).at(-1)!.what)).toBe(
      'Restored an earlier version of the list.',
    );

    const undone = decide({ type: 'Undo', streamId: DEFAULT_STREAM }, restored, later.ctx);
    if (!undone.ok) throw new Error(inEnglish(undone.message));
    const back = applyCommitted(
      restored,
      undone.events.map((e, i) => ({ ...e, seq: restored.lastSeq + i + 1 })),
    );
    expect(back.products).toEqual(later.list.products);
  });

  it('writes nothing when the list already is as it was', () => {
    const { list, log, ctx } = session(add('Milk'));
    const then = listAt(log, DEFAULT_STREAM, log.at(-1)!.seq);
    expect(
      decide({ type: 'RestoreList', streamId: DEFAULT_STREAM, asOf: 1, products: then }, list, ctx),
    ).toMatchObject({ ok: true, events: [] });
  });
});
