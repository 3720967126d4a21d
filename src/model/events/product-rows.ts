import { nameKey, type ProductId, type StreamId } from '../../events';
import type { Product } from '../product';
import { putRow } from '../name-index';
import { productNamed, type Rows } from '../rows';

type Extras = 'price' | 'unit' | 'note' | 'rank';

/** A whole row from an event's fields: its key worked out; no price, unit, note or place unless given. */
export function newRow(
  streamId: StreamId,
  fields: Omit<Product, 'streamId' | 'key' | Extras> & {
    [K in Extras]?: Product[K] | undefined;
  },
): Product {
  const { productId, name, quantity, checked, addedAt, checkedAt } = fields;
  const { price = null, unit = null, note = null, rank = null } = fields;
  const key = nameKey(name);
  return {
    productId,
    streamId,
    name,
    key,
    quantity,
    checked,
    addedAt,
    checkedAt,
    price,
    unit,
    note,
    rank,
  };
}

/**
 * Replaces the row product `id` names on the list (through an alias too) with `change` of it.
 * Events about products that are gone are facts that no longer change anything.
 */
export function update(
  rows: Rows,
  streamId: StreamId,
  id: ProductId,
  change: (p: Product) => Product,
): void {
  const current = productNamed(rows, streamId, id);
  if (current) putRow(rows.products, change(current));
}
