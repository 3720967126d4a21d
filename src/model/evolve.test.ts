import { describe, expect, it } from 'vitest';
import { event, given, rowsOf } from '../test/given';

const added = (productId: string, name: string, quantity = 1) =>
  event('ProductAdded', { productId, name, quantity, unit: null });
const other = { streamId: 'list:other' };

describe('evolve: given events, then the list is', () => {
  it('a new unbought product when one is added', () => {
    given(added('p1', 'Milk', 2)).then((list) =>
      expect(list.products.get('p1')).toMatchObject({
        name: 'Milk',
        key: 'milk',
        quantity: 2,
        checked: false,
      }),
    );
  });

  it('renamed, keeping quantity and bought state', () => {
    given(
      added('p1', 'Tea', 3),
      event('ProductChecked', { productId: 'p1' }),
      event('ProductRenamed', { productId: 'p1', name: 'Green tea' }),
    ).then((list) =>
      expect(list.products.get('p1')).toMatchObject({
        name: 'Green tea',
        key: 'green tea',
        quantity: 3,
        checked: true,
      }),
    );
  });

  it('checked and unchecked, with the time it was bought, and what was folded stays', () => {
    const checked = given(
      added('p1', 'Bread'),
      event('ProductChecked', { productId: 'p1' }, { at: 5000 }),
    );
    expect(checked.state.products.get('p1')).toMatchObject({ checked: true, checkedAt: 5000 });
    const unchecked = checked.and(event('ProductUnchecked', { productId: 'p1' }));
    expect(unchecked.state.products.get('p1')).toMatchObject({ checked: false, checkedAt: null });
    expect(checked.state.products.get('p1')?.checked).toBe(true);
  });

  it('without a removed product, and without every cleared one', () => {
    given(
      added('p1', 'Milk'),
      added('p2', 'Bread'),
      added('p3', 'Eggs'),
      event('ProductRemoved', { productId: 'p1' }),
      event('CheckedProductsCleared', { productIds: ['p2', 'p3'] }),
    ).then((list) => expect(list.products.size).toBe(0));
  });

  it('unchanged by events about a product that is gone', () => {
    given(
      added('p1', 'Milk'),
      event('ProductRemoved', { productId: 'p1' }),
      event('ProductQuantityChanged', { productId: 'p1', quantity: 4, reason: 'edited' }),
      event('ProductChecked', { productId: 'p1' }),
    ).then((list) => expect(list.products.size).toBe(0));
  });

  it('the same rows, by identity, where an event did not touch them', () => {
    const before = given(added('p1', 'Milk'), added('p2', 'Bread'));
    const after = before.and(event('ProductChecked', { productId: 'p2' }));
    expect(after.state.products.get('p1')).toBe(before.state.products.get('p1'));
    expect(after.state.products.get('p2')).not.toBe(before.state.products.get('p2'));
  });
});

describe('evolve: a product belongs to the list it was added to', () => {
  it('ignores events in another list that name it: no check, rename, removal or clear', () => {
    given(
      added('p1', 'Milk'),
      event('ProductChecked', { productId: 'p1' }, other),
      event('ProductRenamed', { productId: 'p1', name: 'Gin' }, other),
      event('ProductRemoved', { productId: 'p1' }, other),
      event('CheckedProductsCleared', { productIds: ['p1'] }, other),
      event('ProductAdded', { productId: 'p1', name: 'Gin', quantity: 9, unit: null }, other),
    ).then((list) => {
      expect(list.products.get('p1')).toMatchObject({ streamId: 'list:default' });
      expect(rowsOf(list)).toEqual(['Milk × 1']);
      expect(rowsOf(list, 'list:other')).toEqual([]);
    });
  });
});
