import * as v from 'valibot';
import {
  idSchema,
  storedNameSchema,
  storedPriceSchema,
  storedNoteSchema,
  storedQuantitySchema,
  storedRankSchema,
  storedUnitSchema,
  timeSchema,
} from './fields';
import { aisleOrderSchema, categorySchema } from './categories';

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
    v: 2,
    payload: v.strictObject({
      productId,
      name: storedNameSchema,
      quantity: storedQuantitySchema,
      /** What the quantity counts ("kg", "pack", "盒"); `null` counts the things themselves. */
      unit: v.nullable(storedUnitSchema),
    }),
    upcasters: {
      // v1 had no units: every quantity counted the things themselves.
      1: (payload: object) => ({ ...payload, unit: null }),
    },
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
      /** Why it changed: the history tells "changed", "added again" and undo/redo apart. */
      reason: v.picklist(['edited', 'added-again', 'reverted', 'unrecorded']),
    }),
    upcasters: {
      // v1 did not record why; saying "edited" for a re-add would be a lie.
      1: (payload: object) => ({ ...payload, reason: 'unrecorded' }),
    },
  },
  /** A product put back exactly as it was: by undo, redo, or restoring an earlier list. */
  ProductRestored: {
    v: 1,
    payload: v.strictObject({
      productId,
      name: storedNameSchema,
      quantity: storedQuantitySchema,
      checked: v.boolean(),
      addedAt: timeSchema,
      checkedAt: v.nullable(timeSchema),
      price: v.optional(v.nullable(storedPriceSchema)),
      // Left out by Baskets before units, notes and places: none of them.
      unit: v.optional(v.nullable(storedUnitSchema)),
      note: v.optional(v.nullable(storedNoteSchema)),
      rank: v.optional(v.nullable(storedRankSchema)),
    }),
  },
  /** What its quantity counts was set, or taken away (`null`: the things themselves). */
  ProductUnitChanged: {
    v: 1,
    payload: v.strictObject({ productId, unit: v.nullable(storedUnitSchema) }),
  },
  /** A note for whoever shops ("lactose free", "the big pack"), or none (`null`). */
  ProductNoted: {
    v: 1,
    payload: v.strictObject({ productId, note: v.nullable(storedNoteSchema) }),
  },
  /**
   * The person moved it within its aisle, to `rank` (between the two it was put between);
   * `null` puts it back where its add time places it.
   */
  ProductPlaced: {
    v: 1,
    payload: v.strictObject({ productId, rank: v.nullable(storedRankSchema) }),
  },
  /** Its price per unit was set, or taken away (`null`). */
  ProductPriced: {
    v: 1,
    payload: v.strictObject({ productId, price: v.nullable(storedPriceSchema) }),
  },
  /**
   * The person put products of this name in `category`, in every list from now on; `null` forgets
   * the choice, so the built-in dictionary guesses again.
   */
  CategoryChosen: {
    v: 1,
    payload: v.strictObject({ name: storedNameSchema, category: v.nullable(categorySchema) }),
  },
  /** The list's aisles, in the order the person walks the shop. */
  AislesOrdered: { v: 1, payload: v.strictObject({ order: aisleOrderSchema }) },
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
  /** A new list was made; its stream begins here. */
  ListCreated: { v: 1, payload: v.strictObject({ name: storedNameSchema }) },
  ListRenamed: { v: 1, payload: v.strictObject({ name: storedNameSchema }) },
  /** The list was put away; its history stays in the log. */
  ListDeleted: { v: 1, payload: v.strictObject({}) },
  /** Marks the dispatch that put the whole list back as it was at `asOf`. */
  ListRestored: { v: 1, payload: v.strictObject({ asOf: timeSchema }) },
  /** Marks the dispatch that undid the person's action `actionId`; its other events do the undoing. */
  ActionUndone: { v: 1, payload: v.strictObject({ actionId: idSchema }) },
  /** Marks the dispatch that did action `actionId` again after it was undone. */
  ActionRedone: { v: 1, payload: v.strictObject({ actionId: idSchema }) },
} satisfies Record<string, EventDefinition>;

interface EventDefinition {
  v: number;
  payload: v.GenericSchema;
  /** `upcasters[n]` turns a payload of version n into version n + 1. */
  upcasters?: Record<number, (payload: object) => object>;
}

export type Catalog = typeof catalog;
