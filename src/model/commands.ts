import type {
  Category,
  Note,
  Price,
  ProductId,
  ProductName,
  Quantity,
  StreamId,
  Unit,
} from '../events';
import type { Product } from './product';

/**
 * What a person asks for, in the imperative. A command is decided against the latest committed
 * state when its turn comes on the bus, so two quick adds of "Milk" raise one row, not two.
 * Names and quantities arrive validated: only `parseProductInput` makes these types.
 */
export type Command =
  | {
      type: 'AddProduct';
      streamId: StreamId;
      name: ProductName;
      quantity: Quantity;
      /** What the quantity counts; `undefined` (or `null`) when the person named none. */
      unit?: Unit | null;
    }
  | {
      type: 'EditProduct';
      productId: ProductId;
      name: ProductName;
      quantity: Quantity;
      /** `undefined` leaves the price as it is; `null` takes it away. */
      price?: Price | null;
      /** The aisle the person put it in; `undefined` leaves it where it is. */
      category?: Category;
      /** `undefined` leaves the unit (or note) as it is; `null` takes it away. */
      unit?: Unit | null;
      note?: Note | null;
    }
  /**
   * Put a product still to buy between two others of its aisle, as the person dropped it:
   * `after` the one above it and `before` the one below (`null` at either end).
   */
  | { type: 'MoveProduct'; productId: ProductId; after: ProductId | null; before: ProductId | null }
  | { type: 'CheckProduct'; productId: ProductId }
  | { type: 'UncheckProduct'; productId: ProductId }
  | { type: 'RemoveProduct'; productId: ProductId }
  | { type: 'ClearCheckedProducts'; streamId: StreamId }
  /** Make the list what it was at moment `asOf`: `products` as they were then. */
  | { type: 'RestoreList'; streamId: StreamId; asOf: number; products: readonly Product[] }
  | { type: 'CreateList'; name: ProductName }
  | { type: 'RenameList'; streamId: StreamId; name: ProductName }
  | { type: 'DeleteList'; streamId: StreamId }
  /**
   * Move an aisle one place along the walk, past the next aisle that has something to buy.
   * Decided in its turn, so two quick taps move it two places.
   */
  | { type: 'MoveAisle'; streamId: StreamId; category: Category; direction: 'up' | 'down' }
  /** Put an aisle right after `after` in the walk, as the person dropped it (`null`: first). */
  | { type: 'PlaceAisle'; streamId: StreamId; category: Category; after: Category | null }
  /**
   * `actionId` names the action the person chose to undo (or redo), as the button showed it: if
   * another tab's change has come on top meanwhile, nothing is undone and they are told.
   */
  | { type: 'Undo'; streamId: StreamId; actionId?: string }
  | { type: 'Redo'; streamId: StreamId; actionId?: string };
