import * as v from 'valibot';
import { idSchema, storedNameSchema, storedQuantitySchema } from './fields';

/** The most product ids one event may name: a list's worth, with room to spare. */
export const MAX_IDS_PER_EVENT = 20_000;

const productId = idSchema;

/**
 * Every event type Basket has ever written: its current version, the shape of its payload, and
 * how to read each older version. Types and versions are never removed or changed in place; to
 * change a shape, bump `v`, write the new payload schema, and add an upcaster from the previous
 * version — all here, in this one file. Upcasters are pure: payload in, payload out.
 */
export const catalog = {
  ProductAdded: {
    v: 1,
    payload: v.strictObject({
      productId,
      name: storedNameSchema,
      quantity: storedQuantitySchema,
    }),
  },
  ProductRenamed: {
    v: 1,
    payload: v.strictObject({ productId, name: storedNameSchema }),
  },
  ProductQuantityChanged: {
    v: 2,
    payload: v.strictObject({
      productId,
      quantity: storedQuantitySchema,
      /** Why it changed: the history tells "changed" and "added again" apart. */
      reason: v.picklist(['edited', 'added-again', 'unrecorded']),
    }),
    upcasters: {
      // v1 did not record why; saying "edited" for a re-add would be a lie.
      1: (payload: object) => ({ ...payload, reason: 'unrecorded' }),
    },
  },
  ProductChecked: { v: 1, payload: v.strictObject({ productId }) },
  ProductUnchecked: { v: 1, payload: v.strictObject({ productId }) },
  ProductRemoved: { v: 1, payload: v.strictObject({ productId }) },
  CheckedProductsCleared: {
    v: 1,
    payload: v.strictObject({
      productIds: v.pipe(
        v.array(productId),
        v.maxLength(MAX_IDS_PER_EVENT, `at most ${MAX_IDS_PER_EVENT} products per event`),
      ),
    }),
  },
} satisfies Record<string, EventDefinition>;

interface EventDefinition {
  v: number;
  payload: v.GenericSchema;
  /** `upcasters[n]` turns a payload of version n into version n + 1. */
  upcasters?: Record<number, (payload: object) => object>;
}

export type Catalog = typeof catalog;
