import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { add, check, playInMemory, redo, undo, type Step } from '../test/steps';
import { buyAgain, rhythmOf, suggestionsFor, type Purchase } from './purchases';
import { foldLog } from './read-model';

const DAY = 24 * 60 * 60 * 1000;
const clear: Step = () => ({ type: 'ClearCheckedProducts', streamId: DEFAULT_STREAM });

/** A clock that moves `days` per event, for histories that span weeks. */
function days(every: number, prefix = 'id') {
  let now = Date.UTC(2026, 0, 1);
  let id = 0;
  return { now: () => (now += every * DAY), newId: () => `${prefix}-${(id += 1)}` };
}

describe('the purchase history', () => {
  it('counts what was added, added again, and bought, by name', () => {
    const list = playInMemory(foldLog([]), days(1), [
      add('Milk'),
      add('milk'),
      check('Milk'),
      clear,
      add('Milk'),
      add('Bread'),
    ]);
    const milk = list.purchases.get('milk')!;
    expect(milk).toMatchObject({ name: 'Milk', timesAdded: 3 });
    expect(milk.boughtAt).toHaveLength(1);
    expect(list.purchases.get('bread')).toMatchObject({ timesAdded: 1, boughtAt: [] });
  });

  it('forgets what was undone, and remembers it again on redo', () => {
    const start = playInMemory(foldLog([]), days(1), [add('Milk')]);
    const ctx = days(1);
    const checked = playInMemory(start, ctx, [check('Milk')]);
    expect(checked.purchases.get('milk')!.boughtAt).toHaveLength(1);
    const undone = playInMemory(checked, ctx, [undo]);
    expect(undone.purchases).toEqual(start.purchases);
    const redone = playInMemory(undone, ctx, [redo]);
    expect(redone.purchases).toEqual(checked.purchases);
    expect(playInMemory(start, ctx, [undo]).purchases.size).toBe(0);
  });

  it('finds a rhythm once something was bought three times', () => {
    const every9 = playInMemory(foldLog([]), days(3), [
      add('Coffee'),
      check('Coffee'),
      clear,
      add('Coffee'),
      check('Coffee'),
      clear,
      add('Coffee'),
      check('Coffee'),
      clear,
    ]);
    expect(rhythmOf(every9.purchases.get('coffee')!)).toBe(9);
    const twice = playInMemory(foldLog([]), days(3), [
      add('Tea'),
      check('Tea'),
      clear,
      add('Tea'),
      check('Tea'),
    ]);
    expect(rhythmOf(twice.purchases.get('tea')!)).toBeNull();
  });
});

const purchase = (name: string, timesAdded: number, lastAddedAt: number, bought = 0): Purchase => ({
  key: name.toLowerCase(),
  name,
  timesAdded,
  lastAddedAt,
  boughtAt: Array.from({ length: bought }, (_, i) => lastAddedAt + i),
});

describe('suggestions', () => {
  const now = Date.UTC(2026, 5, 1);
  const history = new Map(
    [
      purchase('Milk', 20, now - 2 * DAY, 15),
      purchase('Mild cheddar', 3, now - 1 * DAY, 2),
      purchase('Millet', 40, now - 400 * DAY, 1),
      purchase('Oat milk', 5, now - 5 * DAY, 5),
      purchase('Bread', 9, now - DAY, 9),
    ].map((p) => [p.key, p]),
  );

  it('ranks names that start with what is typed by how often and how recently', () => {
    expect(suggestionsFor(history, 'mil', now).map((p) => p.name)).toEqual([
      'Milk',
      'Oat milk',
      'Mild cheddar',
      'Millet',
    ]);
    expect(suggestionsFor(history, '  MILK', now).map((p) => p.name)).toEqual(['Oat milk']);
    expect(suggestionsFor(history, '', now)).toEqual([]);
  });

  it('offers to buy again the most bought products not on the list', () => {
    expect(buyAgain(history, new Set(['milk']), now, 3).map((p) => p.name)).toEqual([
      'Bread',
      'Oat milk',
      'Mild cheddar',
    ]);
  });
});
