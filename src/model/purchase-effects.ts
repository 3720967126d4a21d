import type { BasketEvent } from '../events';
import { handlerOf } from './events';
import type { AliasTable, ProductTable } from './product';
import type { PurchaseEffect } from './purchases';
import type { RowsBefore } from './rows';

/** What a newly done dispatch adds to the purchase history, given the rows just before it. */
export function effectsOf(batch: readonly BasketEvent[], before: RowsBefore): PurchaseEffect[] {
  const [only] = batch;
  // Most dispatches are one event: its effects as they are, with no flattening copy.
  if (only && batch.length === 1) return handlerOf(only).purchases(only, before);
  return batch.flatMap((event) => handlerOf(event).purchases(event, before));
}

/** The same, from the product rows (and aliases) alone. */
export function purchaseEffects(
  batch: readonly BasketEvent[],
  before: ProductTable,
  aliases: AliasTable = new Map(),
): PurchaseEffect[] {
  return effectsOf(batch, { products: before, aliases, lists: new Map(), categories: new Map() });
}
