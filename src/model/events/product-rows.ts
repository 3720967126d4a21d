import { nameKey, type ProductId, type StreamId } from '../../events';
import type { Product } from '../product';
import { putRow } from '../name-index';
import { productNamed, type Rows } from '../rows';

/** A whole row from an event's fields: its key worked out, no price unless one is given. */
export function newRow(
  streamId: StreamId,
  fields: Omit<Product, 'streamId' | 'key' | 'price'> & { price?: number | null },
): Product {
  const { productId, name, quantity, checked, addedAt, checkedAt, price = null } = fields;
  const key = nameKey(name);
  return { productId, streamId, name, key, quantity, checked, addedAt, checkedAt, price };
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
