import { describe, expect, it } from 'vitest';
import { catalog, type BasketEvent } from '../events';
import { fold } from './evolve';

const streamId = 'list:default';
let seq = 0;
const event = <T extends BasketEvent['type']>(
  type: T,
  payload: Extract<BasketEvent, { type: T }>['payload'],
  at = 1000,
) =>
  ({
    id: `e${(seq += 1)}`,
    v: catalog[type].v,
    streamId,
    streamVersion: seq,
    at,
    type,
    payload,
  }) as BasketEvent;

const added = (productId: string, name: string, quantity = 1, at = 1000) =>
  event('ProductAdded', { productId, name, quantity }, at);

describe('evolve: given events, when another happens, then the list is', () => {
  it('a new unbought product when one is added', () => {
    const table = fold([added('p1', 'Milk', 2)]);
    expect(table.get('p1')).toMatchObject({
      name: 'Milk',
      key: 'milk',
      quantity: 2,
      checked: false,
    });
  });

  it('renamed, keeping quantity and bought state', () => {
    const table = fold([
      added('p1', 'Tea', 3),
      event('ProductChecked', { productId: 'p1' }),
      event('ProductRenamed', { productId: 'p1', name: 'Green tea' }),
    ]);
    expect(table.get('p1')).toMatchObject({
      name: 'Green tea',
      key: 'green tea',
      quantity: 3,
      checked: true,
    });
  });

  it('checked and unchecked, with the time it was bought', () => {
    const checked = fold([
      added('p1', 'Bread'),
      event('ProductChecked', { productId: 'p1' }, 5000),
    ]);
    expect(checked.get('p1')).toMatchObject({ checked: true, checkedAt: 5000 });
    const unchecked = fold([event('ProductUnchecked', { productId: 'p1' })], checked);
    expect(unchecked.get('p1')).toMatchObject({ checked: false, checkedAt: null });
    expect(checked.get('p1')?.checked).toBe(true);
  });

  it('without a removed product, and without every cleared one', () => {
    const table = fold([
      added('p1', 'Milk'),
      added('p2', 'Bread'),
      added('p3', 'Eggs'),
      event('ProductRemoved', { productId: 'p1' }),
      event('CheckedProductsCleared', { productIds: ['p2', 'p3'] }),
    ]);
    expect(table.size).toBe(0);
  });

  it('unchanged by events about a product that is gone', () => {
    const table = fold([
      added('p1', 'Milk'),
      event('ProductRemoved', { productId: 'p1' }),
      event('ProductQuantityChanged', { productId: 'p1', quantity: 4, reason: 'edited' }),
      event('ProductChecked', { productId: 'p1' }),
    ]);
    expect(table.size).toBe(0);
  });

  it('keeps the identity of rows an event did not touch', () => {
    const before = fold([added('p1', 'Milk'), added('p2', 'Bread')]);
    const after = fold([event('ProductChecked', { productId: 'p2' })], before);
    expect(after.get('p1')).toBe(before.get('p1'));
    expect(after.get('p2')).not.toBe(before.get('p2'));
  });
});

describe('evolve: a product belongs to the list it was added to', () => {
  const inList = (list: string, e: BasketEvent): BasketEvent => ({ ...e, streamId: list });

  it('ignores events in another list that name it: no check, rename, removal or clear', () => {
    const table = fold([
      added('p1', 'Milk'),
      inList('list:other', event('ProductChecked', { productId: 'p1' })),
      inList('list:other', event('ProductRenamed', { productId: 'p1', name: 'Gin' })),
      inList('list:other', event('ProductRemoved', { productId: 'p1' })),
      inList('list:other', event('CheckedProductsCleared', { productIds: ['p1'] })),
      inList('list:other', added('p1', 'Gin', 9)),
    ]);
    expect(table.get('p1')).toMatchObject({
      streamId,
      name: 'Milk',
      quantity: 1,
      checked: false,
    });
  });
});
