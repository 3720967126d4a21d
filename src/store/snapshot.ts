import type { Table } from 'dexie';
import { REDUCER_VERSION, type ListState, type Product, type Purchase } from '../model';

/**
 * The read model on disk: what it stands for (the fold, by reducer `reducerVersion`, of the log
 * up to `lastSeq`), kept apart from the model itself so that asking "is there anything to save?"
 * reads one small record; and how many parts the model's two big tables were saved in.
 */
export interface SnapshotHead {
  key: 'snapshot';
  reducerVersion: number;
  lastSeq: number;
  productParts: number;
  purchaseParts: number;
}

/** Everything in the model but its two big tables, which are saved in parts of their own. */
type Rest = Omit<ListState, 'products' | 'purchases'>;

type SnapshotRow =
  | SnapshotHead
  | { key: 'model'; rest: Rest }
  | { key: `products/${number}`; rows: Product[] }
  | { key: `purchases/${number}`; rows: Purchase[] };

export type MetaTable = Table<SnapshotRow, string>;

/**
 * Rows per saved part. IndexedDB copies a record on the calling thread when it is written: a part
 * at a time, with the page free while each is written, no copy holds the page for long.
 */
const PART = 1000;

const partKeys = (name: 'products' | 'purchases', count: number) =>
  Array.from({ length: count }, (_, i) => `${name}/${i}` as const);

function parts<T>(rows: Iterable<T>): T[][] {
  const all = [...rows];
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += PART) out.push(all.slice(i, i + PART));
  return out;
}

export const readHead = async (meta: MetaTable) =>
  (await meta.get('snapshot')) as SnapshotHead | undefined;

/** The saved model `head` describes, or undefined if any part of it is missing. */
export async function readModel(
  meta: MetaTable,
  head: SnapshotHead,
): Promise<ListState | undefined> {
  const rows = await meta.bulkGet([
    'model',
    ...partKeys('products', head.productParts),
    ...partKeys('purchases', head.purchaseParts),
  ]);
  if (rows.some((row) => row === undefined)) return undefined;
  const [model, ...rest] = rows as SnapshotRow[];
  const productRows = rest.slice(0, head.productParts) as { rows: Product[] }[];
  const purchaseRows = rest.slice(head.productParts) as { rows: Purchase[] }[];
  return {
    ...(model as { rest: Rest }).rest,
    products: new Map(productRows.flatMap((p) => p.rows.map((r) => [r.productId, r]))),
    purchases: new Map(purchaseRows.flatMap((p) => p.rows.map((r) => [r.key, r]))),
  };
}

/**
 * Saves `state` as the read model, replacing whatever `old` described. Parts are written one
 * after another, each issued as the one before it is stored: the transaction stays open (a
 * request is always pending) and the page runs between them.
 */
export async function writeSnapshot(
  meta: MetaTable,
  state: ListState,
  old: SnapshotHead | undefined,
): Promise<void> {
  const { products, purchases, ...rest } = state;
  const productParts = parts(products.values());
  const purchaseParts = parts(purchases.values());
  for (const [i, rows] of productParts.entries()) await meta.put({ key: `products/${i}`, rows });
  for (const [i, rows] of purchaseParts.entries()) await meta.put({ key: `purchases/${i}`, rows });
  const stale = [
    ...partKeys('products', old?.productParts ?? 0).slice(productParts.length),
    ...partKeys('purchases', old?.purchaseParts ?? 0).slice(purchaseParts.length),
  ];
  await Promise.all([
    meta.bulkPut([
      { key: 'model', rest },
      {
        key: 'snapshot',
        reducerVersion: REDUCER_VERSION,
        lastSeq: state.lastSeq,
        productParts: productParts.length,
        purchaseParts: purchaseParts.length,
      },
    ]),
    stale.length ? meta.bulkDelete(stale) : undefined,
  ]);
}
