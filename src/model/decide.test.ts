import { describe, expect, it } from 'vitest';
import { add, check, clearBought, edit } from '../test/commands';
import { event, given, rowsOf } from '../test/given';

const added = (productId: string, name: string, quantity = 1) =>
  event('ProductAdded', { productId, name, quantity, unit: null });
const checked = (productId: string) => event('ProductChecked', { productId });

describe('decide: given what happened, when a person asks, then', () => {
  it('a new product is added at the next stream version', () => {
    const adding = given().when(add('Milk', 2));
    adding.then([
      {
        type: 'ProductAdded',
        payload: { productId: 'id-1', name: 'Milk', quantity: 2, unit: null },
      },
    ]);
    expect(adding.decision).toMatchObject({ ok: true, expectedVersion: 0 });
    adding.then((_, events) => expect(events.map((e) => e.streamVersion)).toEqual([1]));
  });

  it('the same name added again raises its quantity, however it is written', () => {
    given(added('cafe', 'Café', 2))
      .when(add('  CAFE\u0301 ', 3))
      .then([
        {
          type: 'ProductQuantityChanged',
          payload: { productId: 'cafe', quantity: 5, reason: 'added-again' },
        },
      ]);
    given(add('Café', 2), add('  CAFE\u0301 ', 3)).then((list) =>
      expect(rowsOf(list)).toEqual(['Café × 5']),
    );
  });

  it('a bought product added again goes back on the list with the quantity asked for', () => {
    given(added('bread', 'Bread', 2), checked('bread'))
      .when(add('bread', 1))
      .then([
        { type: 'ProductUnchecked', payload: { productId: 'bread' } },
        {
          type: 'ProductQuantityChanged',
          payload: { productId: 'bread', quantity: 1, reason: 'added-again' },
        },
      ]);
    given(add('Bread', 2), check('Bread'), add('bread', 1)).then((list) =>
      expect(rowsOf(list)).toEqual(['Bread × 1']),
    );
  });

  it('a raise beyond the largest quantity is refused', () => {
    given(add('Rice', 9000))
      .when(add('Rice', 1000))
      .thenRefused('Rice is already × 9,000; the most is 9,999.');
  });

  it('an edit of name and quantity is one atomic dispatch, of only what changed', () => {
    const tea = given(added('tea', 'Tea'));
    tea.when(edit('Tea', { name: 'Green tea', quantity: 2 })).then([
      { type: 'ProductRenamed', payload: { productId: 'tea', name: 'Green tea' } },
      {
        type: 'ProductQuantityChanged',
        payload: { productId: 'tea', quantity: 2, reason: 'edited' },
      },
    ]);
    tea.when(edit('Tea', { name: 'Tea', quantity: 1 })).then([]);
  });

  it('renaming a product to the name of another one on the list is refused', () => {
    given(add('Tea'), add('Coffee'))
      .when(edit('Tea', { name: 'coffee' }))
      .thenRefused('Coffee is already on the list.');
  });

  it('a clear of bought products names exactly the bought ones', () => {
    given(
      added('milk', 'Milk'),
      added('bread', 'Bread'),
      added('eggs', 'Eggs'),
      checked('milk'),
      checked('bread'),
    )
      .when(clearBought())
      .then([{ type: 'CheckedProductsCleared', payload: { productIds: ['milk', 'bread'] } }]);
  });

  it('acting on a product that is no longer there is refused', () => {
    given()
      .when({ type: 'CheckProduct', productId: 'gone' })
      .thenRefused('That product is no longer on the list.');
    given(added('milk', 'Milk'), event('ProductRemoved', { productId: 'milk' }))
      .when({ type: 'CheckProduct', productId: 'milk' })
      .thenRefused('That product is no longer on the list.');
  });

  it('checking something already checked records nothing', () => {
    given(added('milk', 'Milk'), checked('milk')).when(check('Milk')).then([]);
  });
});
