import type { ProductId, StreamId } from '../events';

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
}

/** Product rows by id, as one fold owns them; see `evolve`. */
export type ProductTable = Map<ProductId, Product>;
