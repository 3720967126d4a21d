import type { Category, ProductId, StreamId } from '../events';
import { SharedMap } from './shared-map';
import type { CategoryTable } from './aisles';
import type { ListInfo, ListTable } from './lists';
import { ownProduct, type AliasTable, type Product, type ProductTable } from './product';

/**
 * Every table one fold writes, event by event: what each event's handler evolves (in place, as
 * the fold owns them) and reads as "the rows just before it".
 */
export interface Rows {
  readonly products: ProductTable;
  readonly aliases: AliasTable;
  readonly lists: ListTable;
  readonly categories: CategoryTable;
}

/** The same tables, as the rows just before an event: to be read, not written. */
export interface RowsBefore {
  readonly products: ReadonlyMap<ProductId, Product>;
  readonly aliases: ReadonlyMap<ProductId, ProductId>;
  readonly lists: ReadonlyMap<StreamId, ListInfo>;
  readonly categories: ReadonlyMap<string, Category>;
}

export const emptyRows = (): Rows => ({
  products: new SharedMap(),
  aliases: new Map(),
  lists: new Map(),
  categories: new Map(),
});

type ProductRows = Pick<RowsBefore, 'products' | 'aliases'>;

/**
 * The row that product `id` names on list `streamId`: its own, or else, through an alias, the row
 * its add was folded into, while that row is there. Nothing comes back through an alias: a
 * restore under an id whose row is gone puts the product back under that id, its own row again.
 */
export function productNamed(
  rows: ProductRows,
  streamId: StreamId,
  id: ProductId,
): Product | undefined {
  const own = rows.products.get(id);
  if (own) return own.streamId === streamId ? own : undefined;
  const into = rows.aliases.get(id);
  return into === undefined ? undefined : ownProduct(rows.products, streamId, into);
}

/** Whether `id` is another list's product (itself or through an alias): then it is not this one's. */
export function elsewhere(rows: ProductRows, streamId: StreamId, id: ProductId): boolean {
  const into = rows.aliases.get(id);
  const row = rows.products.get(id) ?? (into === undefined ? undefined : rows.products.get(into));
  return row !== undefined && row.streamId !== streamId;
}
