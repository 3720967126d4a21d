import { nameKey, type BasketEvent, type ProductId, type StreamId } from '../events';
import type { Product, ProductTable } from './product';

/**
 * Bump when `evolve` changes what it produces: a store whose read model was built by another
 * version rebuilds it from the log on boot.
 */
export const REDUCER_VERSION = 7;

/**
 * Applies one event to the product rows of one fold. It writes into `table`, which belongs to the
 * caller's fold alone (a replay of 100,000 events must not copy 10,000 rows per event); rows
 * themselves are never mutated, only replaced, so a row that did not change keeps its identity.
 * Pure otherwise: no clock, no randomness, no I/O. Events about products that are gone are facts
 * that no longer change anything.
 */
export function evolve(table: ProductTable, event: BasketEvent): void {
  switch (event.type) {
    case 'ProductAdded': {
      const { productId, name, quantity } = event.payload;
      if (elsewhere(table, event.streamId, productId)) return;
      const fresh = {
        productId,
        name,
        quantity,
        checked: false,
        addedAt: event.at,
        checkedAt: null,
      };
      table.set(productId, row(event.streamId, fresh));
      return;
    }
    case 'ProductRenamed':
      return update(table, event, (p) => ({
        ...p,
        name: event.payload.name,
        key: nameKey(event.payload.name),
      }));
    case 'ProductPriced':
      return update(table, event, (p) => ({ ...p, price: event.payload.price }));
    case 'ProductQuantityChanged':
      return update(table, event, (p) => ({
        ...p,
        quantity: event.payload.quantity,
      }));
    case 'ProductChecked':
      return update(table, event, (p) => ({
        ...p,
        checked: true,
        checkedAt: event.at,
      }));
    case 'ProductUnchecked':
      return update(table, event, (p) => ({
        ...p,
        checked: false,
        checkedAt: null,
      }));
    case 'ProductRestored':
      if (elsewhere(table, event.streamId, event.payload.productId)) return;
      table.set(event.payload.productId, row(event.streamId, event.payload));
      return;
    case 'ProductRemoved':
      if (ownProduct(table, event.streamId, event.payload.productId)) {
        table.delete(event.payload.productId);
      }
      return;
    case 'ActionUndone':
    case 'ActionRedone':
    case 'ListRestored':
    case 'ListCreated':
    case 'ListRenamed':
    case 'ListDeleted':
    case 'AislesOrdered':
    case 'CategoryChosen':
      // Markers (the events beside them do the work), or about a list rather than its
      // products (see lists.ts and aisles.ts).
      return;
    case 'CheckedProductsCleared':
      for (const id of event.payload.productIds) {
        if (ownProduct(table, event.streamId, id)) table.delete(id);
      }
      return;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function row(
  streamId: string,
  fields: Omit<Product, 'streamId' | 'key' | 'price'> & { price?: number | null },
): Product {
  const { productId, name, quantity, checked, addedAt, checkedAt, price = null } = fields;
  const key = nameKey(name);
  return { productId, streamId, name, key, quantity, checked, addedAt, checkedAt, price };
}

/**
 * Product `id` as list `streamId` holds it. A product belongs to one list: an event in another
 * list that names it (only a crafted or damaged backup could) changes nothing.
 */
export function ownProduct(
  table: ReadonlyMap<ProductId, Product>,
  streamId: StreamId,
  id: ProductId,
): Product | undefined {
  const product = table.get(id);
  return product?.streamId === streamId ? product : undefined;
}

const elsewhere = (table: ProductTable, streamId: StreamId, id: ProductId) => {
  const product = table.get(id);
  return product !== undefined && product.streamId !== streamId;
};

function update(
  table: ProductTable,
  event: BasketEvent & { payload: { productId: ProductId } },
  change: (p: Product) => Product,
): void {
  const current = ownProduct(table, event.streamId, event.payload.productId);
  if (current) table.set(current.productId, change(current));
}

/** The read model of a log: a fresh table folded from `from` (copied, never changed). */
export function fold(events: Iterable<BasketEvent>, from?: ProductTable): ProductTable {
  const table: ProductTable = new Map(from);
  for (const event of events) evolve(table, event);
  return table;
}
