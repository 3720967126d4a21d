import type { Draft, ProductId, StreamId } from '../events';

/** One row of the read model: what a list shows for one product. */
export interface Product {
  readonly productId: ProductId;
  readonly streamId: StreamId;
  readonly name: string;
  /** `nameKey(name)`: how "the same product" is recognised. */
  readonly key: string;
  readonly quantity: number;
  readonly checked: boolean;
  readonly addedAt: number;
  /** When it was last checked off; orders the bought part of the list. */
  readonly checkedAt: number | null;
  /** Price per unit, when the person has given one. */
  readonly price: number | null;
  /** What the quantity counts ("kg", "盒"); `null`: the things themselves. */
  readonly unit: string | null;
  /** A word for whoever shops ("lactose free"). */
  readonly note: string | null;
  /** Where the person moved it in its aisle; `null`: where its add time puts it (`placeOf`). */
  readonly rank: number | null;
}

/**
 * Its place in its aisle, low first: where the person moved it, else minus its add time, so
 * products never moved stand newest first and a move lands between the two it was put between.
 */
export const placeOf = (p: Product): number => p.rank ?? -p.addedAt;

/** Product rows by id, as one fold owns them; see `evolve`. */
export type ProductTable = Map<ProductId, Product>;

/**
 * Product ids that name another product's row: a second device added the same thing while the
 * two were apart, and its add was folded into the row already there (see product-added.ts).
 */
export type AliasTable = Map<ProductId, ProductId>;

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
    unit: p.unit,
    note: p.note,
    rank: p.rank,
  },
});
