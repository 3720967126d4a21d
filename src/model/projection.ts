import { REDUCER_VERSION } from './evolve';
import { SharedMap } from './shared-map';
import type { Product } from './product';
import type { Bought, Purchase } from './purchases';
import type { StreamId } from '../events';
import {
  applyRead,
  emptyList,
  foldOnto,
  setAsideRows,
  type ListState,
  type SetAside,
} from './read-model';

/**
 * The shopping lists' fold, as the store takes it (`Projection<ListState>` in src/store): the
 * store is handed this when it is opened, and so keeps the log without knowing the model.
 */
export const listProjection = {
  version: REDUCER_VERSION,
  empty: () => emptyList(),
  applyRead,
  foldOnto,
  setAside: (list: ListState, rows: readonly SetAside[]) => setAsideRows(list, rows),
  lastSeq: (list: ListState) => list.lastSeq,
  withLastSeq: (list: ListState, lastSeq: number): ListState => ({ ...list, lastSeq }),
  unreadable: (list: ListState) => list.unreadable,
  versions: (list: ListState) => list.versions,
  size: (list: ListState) => list.size,
  toSaved({ products, purchases, ...rest }: ListState) {
    return {
      rest,
      tables: { products: [...products.values()], purchases: [...purchases.values()] },
    };
  },
  fromSaved({
    rest,
    tables,
  }: {
    rest: unknown;
    tables: Readonly<Record<string, readonly unknown[]>>;
  }): ListState {
    const products = (tables.products ?? []) as Product[];
    const purchases = (tables.purchases ?? []) as Purchase[];
    shareListIds(products, purchases);
    return {
      ...(rest as Omit<ListState, 'products' | 'purchases'>),
      products: new SharedMap(products.map((p) => [p.productId, p])),
      purchases: new SharedMap(purchases.map((p) => [p.key, p])),
    };
  },
};

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One string for each list's id. Rows read from storage each bring their own copy, and 10,000
 * products and their check-offs holding "list:default" 12,000 times were 290 kB of a 7.9 MB heap.
 * The rows were just read, so nothing else holds them yet: they are changed in place.
 */
function shareListIds(products: readonly Product[], purchases: readonly Purchase[]): void {
  const ids = new Map<string, StreamId>();
  const shared = (id: StreamId) => {
    const known = ids.get(id);
    if (known !== undefined) return known;
    ids.set(id, id);
    return id;
  };
  for (const product of products)
    (product as Writable<Product>).streamId = shared(product.streamId);
  for (const purchase of purchases) {
    for (const bought of purchase.bought)
      (bought as Writable<Bought>).streamId = shared(bought.streamId);
  }
}
