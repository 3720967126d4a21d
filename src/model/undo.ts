import {
  actionOf,
  type BasketEvent,
  type Category,
  type Draft,
  type ProductId,
  type StreamId,
} from '../events';
import type { Sentence } from '../events/sentence';
import { describeBatch } from './describe';
import { evolve, ownProduct } from './evolve';
import { evolveLists, invertList, type ListTable } from './lists';
import { evolveCategories, invertCategory, type CategoryTable } from './aisles';
import type { Product, ProductTable } from './product';
import { purchaseEffects, type PurchaseEffect } from './purchases';

/** One action that can be undone (or redone): the events that would reverse it. */
export interface UndoEntry {
  /** The id of the action these drafts reverse, named by the marker of the undo or redo. */
  readonly id: string;
  /** What the person did, to be said in their language: "Added Milk." */
  readonly label: Sentence;
  readonly drafts: readonly Draft[];
  /** What the action did to the purchase history: taken back by undo, done again by redo. */
  readonly effects: readonly PurchaseEffect[];
}

export interface UndoStacks {
  readonly undo: readonly UndoEntry[];
  readonly redo: readonly UndoEntry[];
}

export type StackTable = Map<StreamId, UndoStacks>;

/** How many actions back a list can be undone. */
export const MAX_UNDO = 100;
export const NO_STACKS: UndoStacks = { undo: [], redo: [] };

/** The draft that puts product `p` back exactly as it is. */
export const restoredDraft = (p: Product): Draft => ({
  type: 'ProductRestored',
  payload: {
    productId: p.productId,
    name: p.name,
    quantity: p.quantity,
    checked: p.checked,
    addedAt: p.addedAt,
    checkedAt: p.checkedAt,
    price: p.price,
  },
});

/** Whatever puts product `id` back as it was in `table`: restored, or removed if it was not there. */
const asBefore = (table: ProductTable, streamId: StreamId, id: ProductId): Draft[] => {
  if (table.has(id) && !ownProduct(table, streamId, id)) return [];
  const before = table.get(id);
  return [before ? restoredDraft(before) : { type: 'ProductRemoved', payload: { productId: id } }];
};

/**
 * The drafts that undo one event, given the rows just before it. Specific events where they say
 * exactly what happened ("renamed back"); a whole-row restore where only that is exact.
 */
export function invert(
  event: BasketEvent,
  table: ProductTable,
  lists: ListTable,
  categories: ReadonlyMap<string, Category>,
): Draft[] {
  switch (event.type) {
    case 'ListCreated':
    case 'ListRenamed':
    case 'ListDeleted':
    case 'AislesOrdered':
      return invertList(event, lists);
    case 'CategoryChosen':
      return invertCategory(event, categories);
    case 'ProductRenamed': {
      const before = ownProduct(table, event.streamId, event.payload.productId);
      if (!before) return [];
      return [
        { type: 'ProductRenamed', payload: { productId: before.productId, name: before.name } },
      ];
    }
    case 'ProductQuantityChanged': {
      const before = ownProduct(table, event.streamId, event.payload.productId);
      if (!before) return [];
      const payload = {
        productId: before.productId,
        quantity: before.quantity,
        reason: 'reverted',
      } as const;
      return [{ type: 'ProductQuantityChanged', payload }];
    }
    case 'ProductPriced': {
      const before = ownProduct(table, event.streamId, event.payload.productId);
      if (!before) return [];
      return [
        { type: 'ProductPriced', payload: { productId: before.productId, price: before.price } },
      ];
    }
    case 'ProductChecked': {
      const before = ownProduct(table, event.streamId, event.payload.productId);
      if (!before) return [];
      return before.checked
        ? [restoredDraft(before)]
        : [{ type: 'ProductUnchecked', payload: { productId: before.productId } }];
    }
    case 'ProductUnchecked': {
      const before = ownProduct(table, event.streamId, event.payload.productId);
      // Checking it again would stamp a new time; restoring the row keeps its place.
      return before?.checked ? [restoredDraft(before)] : [];
    }
    case 'ProductRemoved': {
      const before = ownProduct(table, event.streamId, event.payload.productId);
      return before ? [restoredDraft(before)] : [];
    }
    case 'CheckedProductsCleared':
      return event.payload.productIds.flatMap((id) => {
        const before = ownProduct(table, event.streamId, id);
        return before ? [restoredDraft(before)] : [];
      });
    case 'ProductAdded':
    case 'ProductRestored':
      return asBefore(table, event.streamId, event.payload.productId);
    case 'ActionUndone':
    case 'ActionRedone':
    case 'ListRestored':
      return [];
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

const pushed = (stack: readonly UndoEntry[], entry: UndoEntry) =>
  [...stack, entry].slice(-MAX_UNDO);

/** A batch's change to the purchase history: effects to apply (1) or take back (-1). */
export interface PurchaseChange {
  readonly effects: readonly PurchaseEffect[];
  readonly sign: 1 | -1;
}

/**
 * Applies one dispatch's events to the rows and to its list's undo and redo stacks, and says
 * what it does to the purchase history. The inverse is worked out from the rows just before
 * each event, so undoing the top action always returns the list exactly to where it was.
 */
export function evolveBatch(
  table: ProductTable,
  stacks: StackTable,
  batch: readonly BasketEvent[],
  lists: ListTable = new Map(),
  categories: CategoryTable = new Map(),
): PurchaseChange {
  const first = batch[0];
  if (!first) return { effects: [], sign: 1 };
  const label = describeBatch(batch, table, stacks.get(first.streamId), lists);
  const done = purchaseEffects(batch, table);
  // Each event's inverse, last first; gathered then reversed, since unshifting one by one grows
  // with the square of the products a long clear names.
  const parts: Draft[][] = [];
  for (const event of batch) {
    parts.push(invert(event, table, lists, categories));
    evolve(table, event);
    evolveLists(lists, event);
    evolveCategories(categories, event);
  }
  const inverse = parts.reverse().flat();
  const current = stacks.get(first.streamId) ?? NO_STACKS;
  const marker = batch.find((e) => e.type === 'ActionUndone' || e.type === 'ActionRedone');
  if (marker?.type === 'ActionUndone') {
    const undone = current.undo.find((e) => e.id === marker.payload.actionId);
    const effects = undone?.effects ?? [];
    stacks.set(first.streamId, {
      undo: current.undo.filter((e) => e.id !== marker.payload.actionId),
      redo: pushed(current.redo, {
        id: first.id,
        label: undone?.label ?? label,
        drafts: inverse,
        effects,
      }),
    });
    return { effects, sign: -1 };
  }
  if (marker?.type === 'ActionRedone') {
    const redone = current.redo.find((e) => e.id === marker.payload.actionId);
    const effects = redone?.effects ?? [];
    stacks.set(first.streamId, {
      undo: pushed(current.undo, {
        id: first.id,
        label: redone?.label ?? label,
        drafts: inverse,
        effects,
      }),
      redo: current.redo.filter((e) => e.id !== marker.payload.actionId),
    });
    return { effects, sign: 1 };
  }
  // An action that changed nothing leaves nothing to undo, and what could be redone still can.
  if (inverse.length > 0) {
    // A new action: what was undone before it can no longer be redone.
    const entry = { id: first.id, label, drafts: inverse, effects: done };
    stacks.set(first.streamId, { undo: pushed(current.undo, entry), redo: [] });
  }
  return { effects: done, sign: 1 };
}

/** Splits a run of events into the dispatches they came from. */
export function batches(events: readonly BasketEvent[]): BasketEvent[][] {
  const out: BasketEvent[][] = [];
  for (const event of events) {
    const last = out.at(-1);
    const head = last?.[0];
    if (head && head.streamId === event.streamId && actionOf(head) === actionOf(event))
      last.push(event);
    else out.push([event]);
  }
  return out;
}
