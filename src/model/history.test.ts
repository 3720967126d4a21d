import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { inEnglish } from '../i18n/english';
import { add, check, clearBought, edit, undo } from '../test/commands';
import { given } from '../test/given';
import { listAt, tellHistory } from './history';
import type { Product } from './product';

const told = (log: Parameters<typeof tellHistory>[0]) =>
  tellHistory(log).map((e) => inEnglish(e.what));
const restore = (asOf: number, products: readonly Product[]) =>
  ({ type: 'RestoreList', streamId: DEFAULT_STREAM, asOf, products }) as const;

describe('the history', () => {
  it('tells each action as a sentence, with names as they were at the time', () => {
    given(
      add('Milk', 2),
      add('Tea'),
      add('Bread'),
      edit('Tea', { name: 'Green tea' }),
      add('milk'),
      check('Bread'),
      check('Milk'),
      clearBought(),
      undo(),
    ).then((_, log) =>
      expect(told(log)).toEqual([
        'Added Milk × 2.',
        'Added Tea.',
        'Added Bread.',
        'Renamed Tea to Green tea.',
        'Milk is now × 3.',
        'Checked off Bread.',
        'Checked off Milk.',
        'Cleared 2 bought products.',
        'Undid: Cleared 2 bought products.',
      ]),
    );
  });

  it('treats an edit of name and quantity as one action', () => {
    given(add('Tea'), edit('Tea', { name: 'Green tea', quantity: 2 })).then((_, log) =>
      expect(told(log)).toEqual(['Added Tea.', 'Renamed Tea to Green tea × 2.']),
    );
  });
});

describe('looking back and restoring', () => {
  it('shows the list exactly as it was at any moment, and restores it as one undoable action', () => {
    const moment = tellHistory(given(add('Milk'), add('Bread'), check('Bread')).log)[1]!;
    expect(inEnglish(moment.what)).toBe('Added Bread.');
    const later = given(
      add('Milk'),
      add('Bread'),
      check('Bread'),
      clearBought(),
      add('Eggs'),
      edit('Milk', { name: 'Oat milk' }),
    );
    const then = listAt(later.log, DEFAULT_STREAM, moment.seq);
    expect(then.map((p) => [p.name, p.checked])).toEqual([
      ['Milk', false],
      ['Bread', false],
    ]);

    const restoring = later.when(restore(moment.at, then));
    restoring.then((list, events) => {
      expect(events[0]).toMatchObject({ type: 'ListRestored', payload: { asOf: moment.at } });
      expect([...list.products.values()]).toEqual(then);
    });
    const restored = later.and(restore(moment.at, then));
    expect(told(restored.log).at(-1)).toBe('Restored an earlier version of the list.');
    expect(restored.and(undo()).state.products).toEqual(later.state.products);
  });

  it('writes nothing when the list already is as it was', () => {
    const now = given(add('Milk'));
    const then = listAt(now.log, DEFAULT_STREAM, now.log.at(-1)!.seq);
    now.when(restore(1, then)).then([]);
  });
});
