import { describe, expect, it } from 'vitest';
import { fold } from '../model';
import golden from './fixtures/golden-v1.json';
import { catalog } from './catalog';
import { readEvent } from './upcast';
import type { BasketEvent } from './types';

const read = (raw: unknown): BasketEvent => {
  const result = readEvent(raw);
  if (!result.ok) throw new Error(result.message);
  return result.event;
};

describe('reading events written by earlier versions (golden fixtures)', () => {
  it('reads every v1 event Basket 0.1 wrote, at the current version of its type', () => {
    const events = golden.map(read);
    // Every type 0.1 could write.
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set([
        'ProductAdded',
        'ProductRenamed',
        'ProductQuantityChanged',
        'ProductChecked',
        'ProductUnchecked',
        'ProductRemoved',
        'CheckedProductsCleared',
      ]),
    );
    for (const event of events) expect(event.v).toBe(catalog[event.type].v);
  });

  it('upcasts ProductQuantityChanged v1 to v2 without inventing why it changed', () => {
    expect(read(golden[1]).payload).toEqual({
      productId: '5d1c3c40-7a52-4d51-8d43-2f0f8f2a0001',
      quantity: 2,
      reason: 'unrecorded',
    });
  });

  it('upcasts ProductAdded v1 to v2: a quantity without a unit counts the things themselves', () => {
    expect(read(golden[0]).payload).toMatchObject({ unit: null });
    expect(read(golden[0]).v).toBe(2);
  });

  it('folds the v1 history into the list it described', () => {
    const list = [...fold(golden.map(read)).values()];
    expect(list).toMatchObject([
      { name: 'Milk', quantity: 2, checked: false },
      { name: 'Green tea', quantity: 1, checked: false },
    ]);
    expect(list).toHaveLength(2);
  });

  it('leaves current events as they are', () => {
    const current = { ...golden[1], v: 2, payload: { ...golden[1]!.payload, reason: 'edited' } };
    expect(read(current)).toEqual(current);
  });
});

describe('events this build cannot read', () => {
  it('calls a type it does not know, or a newer version, unknown rather than dropping it', () => {
    expect(readEvent({ ...golden[0], type: 'ListShared' })).toMatchObject({
      ok: false,
      reason: 'unknown',
    });
    expect(readEvent({ ...golden[0], v: 3 })).toMatchObject({
      ok: false,
      reason: 'unknown',
      message: 'ProductAdded version 3, newer than this Basket reads (2)',
    });
  });

  it('calls malformed events invalid, saying where', () => {
    expect(readEvent({ ...golden[0], payload: { ...golden[0]!.payload, quantity: -1 } })).toEqual({
      ok: false,
      reason: 'invalid',
      message:
        'payload.quantity: a quantity must be above 0 and at most 9999, with at most 2 decimals',
    });
    expect(readEvent({ ...golden[0], payload: { ...golden[0]!.payload, extra: 1 } })).toMatchObject(
      {
        ok: false,
        reason: 'invalid',
      },
    );
    expect(readEvent(null)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
