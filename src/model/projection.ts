import { REDUCER_VERSION } from './evolve';
import { SharedMap } from './shared-map';
import type { Product } from './product';
import type { Purchase } from './purchases';
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
    return {
      ...(rest as Omit<ListState, 'products' | 'purchases'>),
      products: new SharedMap(products.map((p) => [p.productId, p])),
      purchases: new SharedMap(purchases.map((p) => [p.key, p])),
    };
  },
};
