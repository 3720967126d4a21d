import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM, parseProductInput, type ProductInput, type StoredEvent } from '../events';
import { testContext } from '../test/harness';
import type { Command } from './commands';
import { decide } from './decide';
import { applyCommitted, foldLog, type ListState } from './read-model';
import { inEnglish } from '../i18n/english';

const empty: ListState = foldLog([]);

function input(name: string, quantity = 1): ProductInput {
  const parsed = parseProductInput(name, quantity);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const add = (name: string, quantity = 1): Command => ({
  type: 'AddProduct',
  streamId: DEFAULT_STREAM,
  ...input(name, quantity),
});

/** Given these commands were decided and committed, in order. */
function given(...commands: Command[]): ListState {
  const ctx = testContext();
  return commands.reduce((list, command) => {
    const decision = decide(command, list, ctx);
    if (!decision.ok) throw new Error(inEnglish(decision.message));
    const stored = decision.events.map((e, i) => ({ ...e, seq: list.lastSeq + i + 1 }));
    return applyCommitted(list, stored as StoredEvent[]);
  }, empty);
}

const only = (list: ListState) => [...list.products.values()];

describe('decide', () => {
  it('adds a new product at the next stream version', () => {
    const decision = decide(add('Milk', 2), empty, testContext());
    expect(decision).toMatchObject({
      ok: true,
      expectedVersion: 0,
      events: [{ type: 'ProductAdded', streamVersion: 1, payload: { name: 'Milk', quantity: 2 } }],
    });
  });

  it('raises the quantity when the same name is added again, however it is written', () => {
    const list = given(add('Café', 2), add('  CAFE\u0301 ', 3));
    expect(only(list)).toMatchObject([{ name: 'Café', quantity: 5 }]);
  });

  it('puts a bought product back on the list with the quantity asked for', () => {
    const first = given(add('Bread', 2));
    const id = only(first)[0]!.productId;
    const list = given(add('Bread', 2), { type: 'CheckProduct', productId: id }, add('bread', 1));
    expect(only(list)).toMatchObject([{ name: 'Bread', quantity: 1, checked: false }]);
  });

  it('refuses a raise beyond the largest quantity', () => {
    const list = given(add('Rice', 9000));
    const decision = decide(add('Rice', 1000), list, testContext());
    expect(!decision.ok && inEnglish(decision.message)).toBe(
      'Rice is already × 9,000; the most is 9,999.',
    );
  });

  it('edits name and quantity as one atomic dispatch, and only what changed', () => {
    const list = given(add('Tea', 1));
    const productId = only(list)[0]!.productId;
    const both = decide(
      { type: 'EditProduct', productId, ...input('Green tea', 2) },
      list,
      testContext(),
    );
    expect(both.ok && both.events.map((e) => e.type)).toEqual([
      'ProductRenamed',
      'ProductQuantityChanged',
    ]);
    const none = decide(
      { type: 'EditProduct', productId, ...input('Tea', 1) },
      list,
      testContext(),
    );
    expect(none).toMatchObject({ ok: true, events: [] });
  });

  it('refuses renaming a product to the name of another one on the list', () => {
    const list = given(add('Tea'), add('Coffee'));
    const tea = only(list).find((p) => p.name === 'Tea')!;
    const decision = decide(
      { type: 'EditProduct', productId: tea.productId, ...input('coffee') },
      list,
      testContext(),
    );
    expect(!decision.ok && inEnglish(decision.message)).toBe('Coffee is already on the list.');
  });

  it('clears exactly the bought products, naming them in the event', () => {
    const start = given(add('Milk'), add('Bread'), add('Eggs'));
    const [milk, bread] = only(start);
    const list = given(
      add('Milk'),
      add('Bread'),
      add('Eggs'),
      { type: 'CheckProduct', productId: milk!.productId },
      { type: 'CheckProduct', productId: bread!.productId },
    );
    const decision = decide(
      { type: 'ClearCheckedProducts', streamId: DEFAULT_STREAM },
      list,
      testContext(),
    );
    expect(decision).toMatchObject({
      ok: true,
      events: [
        {
          type: 'CheckedProductsCleared',
          payload: { productIds: [milk!.productId, bread!.productId] },
        },
      ],
    });
  });

  it('refuses to act on a product that is no longer there', () => {
    const decision = decide({ type: 'CheckProduct', productId: 'gone' }, empty, testContext());
    expect(!decision.ok && inEnglish(decision.message)).toBe(
      'That product is no longer on the list.',
    );
  });

  it('writes nothing for a check of something already checked', () => {
    const list = given(add('Milk'));
    const productId = only(list)[0]!.productId;
    const checked = given(add('Milk'), { type: 'CheckProduct', productId });
    expect(decide({ type: 'CheckProduct', productId }, checked, testContext())).toMatchObject({
      ok: true,
      events: [],
    });
  });
});
