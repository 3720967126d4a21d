import { describe, expect, it } from 'vitest';
import { add, check, clearBought, redo, undo } from '../test/commands';
import { daysPass, given } from '../test/given';
import { buyAgain, rhythmOf, suggestionsFor, type Purchase } from './purchases';

const DAY = 24 * 60 * 60 * 1000;

describe('the purchase history', () => {
  it('counts what was added, added again, and bought, by name', () => {
    given(add('Milk'), add('milk'), check('Milk'), clearBought(), add('Milk'), add('Bread')).then(
      (list) => {
        const milk = list.purchases.get('milk')!;
        expect(milk).toMatchObject({ name: 'Milk', timesAdded: 3 });
        expect(milk.boughtAt).toHaveLength(1);
        expect(list.purchases.get('bread')).toMatchObject({ timesAdded: 1, boughtAt: [] });
      },
    );
  });

  it('forgets what was undone, and remembers it again on redo', () => {
    const added = given(add('Milk'));
    const checked = added.and(check('Milk'));
    expect(checked.state.purchases.get('milk')!.boughtAt).toHaveLength(1);
    const undone = checked.and(undo());
    expect(undone.state.purchases).toEqual(added.state.purchases);
    expect(undone.and(redo()).state.purchases).toEqual(checked.state.purchases);
    expect(given(add('Milk'), undo()).state.purchases.size).toBe(0);
  });

  it('finds a rhythm once something was bought three times', () => {
    const shop = (name: string) => [add(name), check(name), clearBought(), daysPass(9)];
    given(...shop('Coffee'), ...shop('Coffee'), ...shop('Coffee')).then((list) =>
      expect(rhythmOf(list.purchases.get('coffee')!)).toBe(9),
    );
    given(...shop('Tea'), ...shop('Tea')).then((list) =>
      expect(rhythmOf(list.purchases.get('tea')!)).toBeNull(),
    );
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
