import type { ProductId, StreamId } from '../events';
import type { Product, ProductTable } from './product';
import { SharedMap } from './shared-map';

/**
 * Which product ids hold each name key, so that an add finds the product of its name without a search of the rows (a replay of 100,000 events, 10,000 of them adds, must not
 * search 10,000 rows 10,000 times). Kept beside each product table it describes: made the first
 * time a fold asks (one pass over the rows), then kept in step by `putRow` and `dropRow`.
 *
 * A fold owns a copy of the rows it starts from (a `SharedMap`, which shares what did not
 * change), and its index goes with it. Copying all of the index for every commit would cost
 * 10,000 entries per change, so a copy shares the part that
 * no longer changes (`settled`) and copies only what changed since (`recent`); once that grows
 * large, a copy settles it. Its arrays are replaced, never changed, so copies may share them.
 */
interface NameIndex {
  readonly settled: ReadonlyMap<string, Ids>;
  /** Changes since `settled` was made; no ids where a name's last product went. */
  readonly recent: Map<string, Ids>;
}

/**
 * The products of one name key, on any list: most keys have one, kept as it is (an array for
 * each of 10,000 products was a tenth of a fold's garbage); lists that share a name share a key.
 */
type Ids = ProductId | readonly ProductId[];

const SETTLE_AT = 1000;
const NONE: readonly ProductId[] = [];
const indexes = new WeakMap<ReadonlyMap<ProductId, Product>, NameIndex>();
const idsAt = (index: NameIndex, key: string): Ids =>
  index.recent.get(key) ?? index.settled.get(key) ?? NONE;
const listOf = (ids: Ids): readonly ProductId[] => (typeof ids === 'string' ? [ids] : ids);

function indexOf(table: ReadonlyMap<ProductId, Product>): NameIndex {
  let index = indexes.get(table);
  if (!index) {
    index = { settled: new Map(), recent: new Map() };
    for (const product of table.values()) indexed(index, product);
    indexes.set(table, index);
  }
  return index;
}

function indexed(index: NameIndex, p: Product): void {
  const ids = idsAt(index, p.key);
  index.recent.set(p.key, ids.length === 0 ? p.productId : [...listOf(ids), p.productId]);
}

function unindexed(index: NameIndex, p: Product): void {
  const left = listOf(idsAt(index, p.key)).filter((id) => id !== p.productId);
  index.recent.set(p.key, left.length === 1 ? left[0]! : left);
}

/** Writes a row (new, or replacing its own): the only way the model writes a product row. */
export function putRow(table: ProductTable, row: Product): void {
  const old = table.get(row.productId);
  table.set(row.productId, row);
  if (old && old.key === row.key) return;
  const index = indexes.get(table);
  if (!index) return;
  if (old) unindexed(index, old);
  indexed(index, row);
}

/** Deletes a row: the only way the model deletes one. */
export function dropRow(table: ProductTable, id: ProductId): void {
  const old = table.get(id);
  if (!old) return;
  table.delete(id);
  const index = indexes.get(table);
  if (index) unindexed(index, old);
}

/** A copy of the rows for another fold to own, with the name index, if there is one. */
export function copyProducts(table: ReadonlyMap<ProductId, Product>): ProductTable {
  const copy: ProductTable = SharedMap.copyOf(table);
  const index = indexes.get(table);
  if (index) indexes.set(copy, copied(index));
  return copy;
}

function copied({ settled, recent }: NameIndex): NameIndex {
  if (recent.size < SETTLE_AT) return { settled, recent: new Map(recent) };
  const all = new Map(settled);
  for (const [key, ids] of recent) {
    if (ids.length) all.set(key, ids);
    else all.delete(key);
  }
  return { settled: all, recent: new Map() };
}

/**
 * A product on list `streamId` with name key `key`. Two can share one only in a crafted log or
 * after a rename on one device met an add on another; then the one still to buy, added first,
 * is chosen, whatever order the rows happen to be in, so every fold of a log chooses the same.
 */
export function sameName(
  table: ReadonlyMap<ProductId, Product>,
  streamId: StreamId,
  key: string,
): Product | undefined {
  const ids = idsAt(indexOf(table), key);
  if (typeof ids === 'string') {
    const p = table.get(ids)!;
    return p.streamId === streamId ? p : undefined;
  }
  let best: Product | undefined;
  for (const id of ids) {
    const p = table.get(id)!;
    if (p.streamId === streamId && (!best || before(p, best))) best = p;
  }
  return best;
}

const before = (a: Product, b: Product) =>
  a.checked !== b.checked
    ? !a.checked
    : a.addedAt !== b.addedAt
      ? a.addedAt < b.addedAt
      : a.productId < b.productId;
