import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { add, addIn, check, clearBought, edit, redo, undo } from '../test/commands';
import { daysPass, given } from '../test/given';
import { buyAgain, rhythmOf, suggestionsFor, type Purchase } from './purchases';
import { SharedMap } from './shared-map';

const DAY = 24 * 60 * 60 * 1000;

describe('the purchase history', () => {
  it('counts what was added, added again, and bought, by name', () => {
    given(add('Milk'), add('milk'), check('Milk'), clearBought(), add('Milk'), add('Bread')).then(
      (list) => {
        const milk = list.purchases.get('milk')!;
        expect(milk).toMatchObject({ name: 'Milk', timesAdded: 3 });
        expect(milk.bought).toHaveLength(1);
        expect(list.purchases.get('bread')).toMatchObject({ timesAdded: 1, bought: [] });
      },
    );
  });

  it('forgets what was undone, and remembers it again on redo', () => {
    const added = given(add('Milk'));
    const checked = added.and(check('Milk'));
    expect(checked.state.purchases.get('milk')!.bought).toHaveLength(1);
    const undone = checked.and(undo());
    expect(undone.state.purchases).toEqual(added.state.purchases);
    expect(undone.and(redo()).state.purchases).toEqual(checked.state.purchases);
    expect(given(add('Milk'), undo()).state.purchases.size).toBe(0);
  });

  it('remembers where and how many were bought, and forgets a check-off that was undone', () => {
    const bought = given(add('Milk', 6), check('Milk'), clearBought(), add('Milk', 2));
    expect(bought.state.purchases.get('milk')!.bought).toEqual([
      expect.objectContaining({ streamId: DEFAULT_STREAM, quantity: 6, unit: null }),
    ]);
    given(addIn('Flour', 500, 'g'), check('Flour')).then((list) =>
      expect(buyAgain(list.purchases, DEFAULT_STREAM, new Set())).toMatchObject([
        { purchase: { name: 'Flour' }, quantity: 500, unit: 'g' },
      ]),
    );
    // The quantity counts as it was when checked off, after any change.
    const changed = bought.and(edit('Milk', { quantity: 3 }), check('Milk'));
    expect(changed.state.purchases.get('milk')!.bought.map((b) => b.quantity)).toEqual([6, 3]);
    expect(changed.and(undo()).state.purchases).toEqual(
      bought.and(edit('Milk', { quantity: 3 })).state.purchases,
    );
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

const purchase = (
  name: string,
  timesAdded: number,
  lastAddedAt: number,
  bought = 0,
  streamId = DEFAULT_STREAM,
): Purchase => ({
  key: name.toLowerCase(),
  name,
  timesAdded,
  lastAddedAt,
  bought: Array.from({ length: bought }, (_, i) => ({
    at: lastAddedAt + i,
    streamId,
    quantity: i + 1,
    unit: null,
  })),
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

  it('ranks names that start with what is typed, then word starts, then the rest; each by how often and how recently', () => {
    expect(suggestionsFor(history, 'mil', now).map((p) => p.name)).toEqual([
      'Milk',
      'Mild cheddar',
      'Millet',
      'Oat milk',
    ]);
    expect(suggestionsFor(history, '  MILK', now).map((p) => p.name)).toEqual(['Oat milk']);
    expect(suggestionsFor(history, 'ilk', now).map((p) => p.name)).toEqual(['Milk', 'Oat milk']);
    expect(suggestionsFor(history, '', now)).toEqual([]);
  });

  it('finds Chinese names by any part of them, as search does', () => {
    const chinese = new Map(
      [
        purchase('奶酪', 2, now - DAY, 1),
        purchase('牛奶', 9, now - DAY, 9),
        purchase('酸奶', 4, now - DAY, 3),
        purchase('鸡蛋', 5, now - DAY, 5),
        purchase('酱油', 1, now - DAY, 1),
        purchase('奶油 蛋糕', 1, now - 3 * DAY),
      ].map((p) => [p.key, p]),
    );
    const names = (typed: string) => suggestionsFor(chinese, typed, now).map((p) => p.name);
    // At the start first (even though milk is bought far more often), then the rest by habit.
    expect(names('奶')).toEqual(['奶酪', '奶油 蛋糕', '牛奶', '酸奶']);
    expect(names('油')).toEqual(['酱油', '奶油 蛋糕']);
    // A word of its own, after a space, ranks before a match inside a word.
    expect(names('蛋')).toEqual(['奶油 蛋糕', '鸡蛋']);
  });

  it('offers to buy again the most bought products not on the list, with the last quantity', () => {
    const offers = buyAgain(history, DEFAULT_STREAM, new Set(['milk']), 3);
    expect(offers.map((o) => [o.purchase.name, o.quantity])).toEqual([
      ['Bread', 9],
      ['Oat milk', 5],
      ['Mild cheddar', 2],
    ]);
  });

  it('offers on each list only what was bought on it', () => {
    const both = new Map(
      [purchase('Milk', 5, now, 5), purchase('Nails', 2, now - DAY, 2, 'hardware')].map((p) => [
        p.key,
        p,
      ]),
    );
    const offered = (streamId: string) =>
      buyAgain(both, streamId, new Set()).map((o) => o.purchase.name);
    expect(offered(DEFAULT_STREAM)).toEqual(['Milk']);
    expect(offered('hardware')).toEqual(['Nails']);
    expect(offered('garden')).toEqual([]);
  });

  it('property: offers the same from a shared history, however it changed, as from a plain one', () => {
    const write = fc.record({
      name: fc.nat(400).map((n) => `Item ${n}`),
      times: fc.nat(4),
      day: fc.nat(30),
      list: fc.constantFrom(DEFAULT_STREAM, 'hardware'),
      gone: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(write, { maxLength: 12 }), { maxLength: 80 }),
        fc.uniqueArray(fc.nat(60).map((n) => `item ${n}`)),
        (changes, onList) => {
          // A history to start from (the settled part), then changes over it: some settle.
          let shared = new SharedMap<string, Purchase>(
            Array.from({ length: 60 }, (_, i) => {
              const p = purchase(`Item ${i}`, 1 + (i % 5), now - i * DAY, i % 4);
              return [p.key, p] as const;
            }),
          );
          for (const change of changes) {
            // One copy per change, as the fold makes: it settles now and then, as in the app.
            shared = shared.copy();
            for (const { name, times, day, list, gone } of change) {
              const key = name.toLowerCase();
              if (gone) shared.delete(key);
              else shared.set(key, purchase(name, times + 1, now - day * DAY, times, list));
            }
            // What is asked between changes is ranked and kept, then read with what changed.
            buyAgain(shared, DEFAULT_STREAM, new Set(onList));
          }
          const plain = new Map(shared);
          for (const list of [DEFAULT_STREAM, 'hardware']) {
            expect(buyAgain(shared, list, new Set(onList), 3)).toEqual(
              buyAgain(plain, list, new Set(onList), 3),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: suggests the same from a shared history, as it is typed and changed, as from a plain one', () => {
    const write = fc.record({
      name: fc.constantFrom('Milk', 'Oat milk', 'Almond milk', 'Mild cheddar', 'Lime', 'Bread'),
      n: fc.nat(300),
      times: fc.nat(4),
      day: fc.nat(30),
      gone: fc.boolean(),
    });
    // Queries that narrow ("m", "mi", "mil"…), widen and jump, as a person types and deletes.
    const typing = fc.array(
      fc.constantFrom('m', 'mi', 'mil', 'milk', 'il', 'l', 'lime', ' m', 'x'),
      {
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ writes: fc.array(write, { maxLength: 12 }), typed: typing }), {
          maxLength: 60,
        }),
        (changes) => {
          let shared = new SharedMap<string, Purchase>(
            Array.from({ length: 80 }, (_, i) => {
              const names = ['Milk', 'Oat milk', 'Lime', 'Mild cheddar', 'Bread'];
              const p = purchase(`${names[i % 5]} ${i}`, 1 + (i % 5), now - i * DAY, i % 4);
              return [p.key, p] as const;
            }),
          );
          for (const { writes, typed } of changes) {
            shared = shared.copy();
            for (const { name, n, times, day, gone } of writes) {
              const full = `${name} ${n}`;
              if (gone) shared.delete(full.toLowerCase());
              else
                shared.set(full.toLowerCase(), purchase(full, times + 1, now - day * DAY, times));
            }
            const plain = new Map(shared);
            for (const query of typed) {
              expect(suggestionsFor(shared, query, now, 4)).toEqual(
                suggestionsFor(plain, query, now, 4),
              );
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
