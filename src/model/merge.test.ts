import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../i18n/english';
import { add, check, edit, redo, remove, undo } from '../test/commands';
import { event, given, rowsOf, tried, type Order, type Step } from '../test/given';
import { stepArbitrary } from '../test/steps';
import { batches, fold } from './evolve';
import { tellHistory } from './history';
import { applyCommitted, foldLog, type ListState } from './read-model';
import { productOf } from './selectors';
import { SharedMap } from './shared-map';

/*
 * Two devices act apart, and their logs are merged: by a backup today, by a sync server's order
 * later. Any merge keeps each device's own order; these are the rules for what they did apart.
 */

const bothOrders: Order[] = ['a first', 'b first'];

describe('both devices add the same name to a list while apart', () => {
  it.each(bothOrders)('gives one row, with the larger quantity (%s)', (order) => {
    given()
      .apart([add('Milk', 2)], [add('milk', 3)], order)
      .then((list) => {
        expect(rowsOf(list)).toEqual([order === 'a first' ? 'Milk × 3' : 'milk × 3']);
        // The first add's id keeps the row; the second names it.
        const [first, second] = order === 'a first' ? ['a-1', 'b-1'] : ['b-1', 'a-1'];
        expect([...list.products.keys()]).toEqual([first]);
        expect(list.aliases).toEqual(new Map([[second, first]]));
        expect(productOf(list, second)).toBe(list.products.get(first));
      });
    given()
      .apart([add('Milk', 3)], [add('Milk', 2)], order)
      .then((list) => expect(rowsOf(list)).toEqual(['Milk × 3']));
  });

  it('acts on the one row for every later event that names either id', () => {
    given()
      .apart(
        [add('Milk'), edit('Milk', { name: 'Oat milk' })],
        [add('Milk', 2), edit('Milk', { price: '1.20' }), check('Milk')],
        ['a', 'b', 'a', 'b', 'b'],
      )
      .then((list, log) => {
        expect(rowsOf(list)).toEqual(['Oat milk × 2 ✓']);
        expect(list.products.get('a-1')).toMatchObject({ price: 1.2, checked: true });
        // And the history says which product, whichever id an event names.
        expect(tellHistory(log).map((e) => inEnglish(e.what))).toEqual([
          'Added Milk.',
          'Added Milk × 2.',
          'Renamed Milk to Oat milk.',
          'Oat milk costs 1.20 each.',
          'Checked off Oat milk.',
        ]);
        expect(list.purchases.get('oat milk')?.bought).toHaveLength(1);
      });
    given()
      .apart([add('Milk')], [add('Milk'), remove('Milk')])
      .then((list) => expect(rowsOf(list)).toEqual([]));
  });

  it('puts a product already bought back to buy, with the quantity asked for now', () => {
    given(
      add('Milk', 2),
      check('Milk'),
      event('ProductAdded', { productId: 'b-milk', name: 'milk', quantity: 1, unit: null }),
    ).then((list) => expect(rowsOf(list)).toEqual(['Milk × 1']));
    // Bought on one device after the other added it: the later in the log wins.
    given()
      .apart([add('Milk', 2), check('Milk')], [add('Milk', 1)], 'a first')
      .then((list) => expect(rowsOf(list)).toEqual(['Milk × 1']));
    given()
      .apart([add('Milk', 2), check('Milk')], [add('Milk', 1)], 'b first')
      .then((list) => expect(rowsOf(list)).toEqual(['Milk × 2 ✓']));
  });

  it('undoes the second add exactly: the row as it was, not removed with it', () => {
    const firstOnly = given().apart([add('Milk', 2)], []);
    const merged = given().apart([add('Milk', 2)], [add('Milk', 3)]);
    merged.when(undo()).then((list, events) => {
      expect(events.map((e) => e.type)).toEqual(['ActionUndone', 'ProductRestored']);
      expect(events[1]?.payload).toMatchObject({ productId: 'a-1', quantity: 2 });
      expect(list.products).toEqual(firstOnly.state.products);
      expect(list.purchases.get('milk')).toMatchObject({ timesAdded: 1 });
    });
    const undone = merged.and(undo());
    expect(undone.and(redo()).state.products).toEqual(merged.state.products);
    // The second id still names that Milk: what the other device did with it still lands.
    undone
      .and(event('ProductChecked', { productId: 'b-1' }))
      .then((list) => expect(rowsOf(list)).toEqual(['Milk × 2 ✓']));
  });

  it('undoes a second add that put a bought product back: bought again, when it was', () => {
    const bought = given().apart([add('Milk', 2), check('Milk')], []);
    given()
      .apart([add('Milk', 2), check('Milk')], [add('Milk', 1)])
      .when(undo())
      .then((list) => expect(list.products).toEqual(bought.state.products));
  });

  it('is one device’s undo, made apart, of its own add: a removal, and remove wins', () => {
    given()
      .apart([add('Milk', 2)], [add('Milk', 3), undo()])
      .then((list) => expect(rowsOf(list)).toEqual([]));
    given()
      .apart([add('Milk', 2)], [add('Milk', 3), undo()], 'b first')
      .then((list) => expect(rowsOf(list)).toEqual(['Milk × 2']));
  });

  it('folds the product rows alone (`fold`) to the same rows as the whole read model', () => {
    const merged = given().apart([add('Milk'), add('Tea')], [add('milk', 2), check('Milk')]);
    expect(fold(merged.log)).toEqual(merged.state.products);
  });
});

describe('one device removes what the other checked off', () => {
  it.each(bothOrders)('is removed (%s)', (order) => {
    given(add('Bread'), add('Eggs'))
      .apart([check('Bread')], [remove('Bread')], order)
      .then((list) => expect(rowsOf(list)).toEqual(['Eggs × 1']));
  });
});

describe('renames and quantities set on both devices apart', () => {
  it.each([
    ['a first', 'Black tea × 5'],
    ['b first', 'Green tea × 2'],
  ] as const)('keep the later in the log (%s)', (order, row) => {
    given(add('Tea'))
      .apart(
        [edit('Tea', { name: 'Green tea', quantity: 2 })],
        [edit('Tea', { name: 'Black tea', quantity: 5 })],
        order,
      )
      .then((list) => expect(rowsOf(list)).toEqual([row]));
  });

  it.each([
    ['a first', 'Milk × 3'],
    ['b first', 'Milk × 2'],
  ] as const)('an add again sets the quantity it saw raised, the later wins (%s)', (order, row) => {
    given(add('Milk'))
      .apart([add('Milk')], [add('Milk', 2)], order)
      .then((list) => expect(rowsOf(list)).toEqual([row]));
  });
});

interface Merge {
  readonly shared: Step[];
  readonly onA: Step[];
  readonly onB: Step[];
  readonly order: ('a' | 'b')[];
}

describe('any two devices apart, merged in any interleaving', () => {
  // Adds of a few names, however written, so that both devices often add the same one.
  const adds = fc
    .tuple(
      fc.constantFrom('Milk', 'milk ', 'Bread', 'Café', 'Cafe\u0301'),
      fc.integer({ min: 1, max: 5 }),
    )
    .map(([name, quantity]) => add(name, quantity));
  const steps = (maxLength: number) =>
    fc.array(fc.oneof({ weight: 1, arbitrary: adds }, { weight: 2, arbitrary: stepArbitrary }), {
      maxLength,
    });
  const merges = fc.record({
    shared: steps(6),
    onA: steps(10),
    onB: steps(10),
    order: fc.array(fc.constantFrom('a' as const, 'b' as const), { maxLength: 20 }),
  });
  const apart = ({ shared, onA, onB, order }: Merge) =>
    given(...shared.map(tried)).apart(onA.map(tried), onB.map(tried), order);
  const model = (s: ListState) => ({
    products: s.products,
    aliases: s.aliases,
    stacks: s.stacks,
    purchases: s.purchases,
    lists: s.lists,
  });

  it('property: any action on the merged list, then its undo, leaves it exactly as it was', () => {
    fc.assert(
      fc.property(merges, stepArbitrary, (merge, action) => {
        const before = apart(merge);
        const after = before.and(tried(action));
        if (after.state.lastSeq === before.state.lastSeq) return;
        const streamId = after.log.at(-1)!.streamId;
        const wasUndo = after.log[before.log.length]?.type === 'ActionUndone';
        const undone = after.and((wasUndo ? redo : undo)(streamId));
        expect(undone.state.products).toEqual(before.state.products);
      }),
      { numRuns: 200 },
    );
  });

  it('property: booted from a saved read model, the fold goes on to what folding it all gives', () => {
    fc.assert(
      fc.property(merges, fc.nat(), (merge, at) => {
        const { log, state } = apart(merge);
        const dispatches = batches(log);
        const cut = dispatches.slice(0, at % (dispatches.length + 1)).flat().length;
        const saved = foldLog(log.slice(0, cut), log[cut - 1]?.seq ?? 0);
        // As a boot reads it: fresh tables, nothing carried over from the fold that saved them.
        const booted = { ...saved, products: new SharedMap(saved.products) };
        expect(model(applyCommitted(booted, log.slice(cut)))).toEqual(model(state));
        expect(fold(log)).toEqual(state.products);
      }),
      { numRuns: 200 },
    );
  });

  it('never leaves two rows to buy of one name that was only added (never renamed)', () => {
    fc.assert(
      fc.property(merges, (merge) => {
        const { state, log } = apart(merge);
        if (log.some((e) => e.type === 'ProductRenamed' || e.type === 'ProductRestored')) return;
        const toBuy = [...state.products.values()].filter((p) => !p.checked);
        const names = toBuy.map((p) => `${p.streamId} ${p.key}`);
        expect(new Set(names).size).toBe(names.length);
      }),
      { numRuns: 200 },
    );
  });
});
