import type { ProductId, ProductName, Quantity, StreamId } from '../events';

/**
 * What a person asks for, in the imperative. A command is decided against the latest committed
 * state when its turn comes on the bus, so two quick adds of "Milk" raise one row, not two.
 * Names and quantities arrive validated: only `parseProductInput` makes these types.
 */
export type Command =
  | { type: 'AddProduct'; streamId: StreamId; name: ProductName; quantity: Quantity }
  | { type: 'EditProduct'; productId: ProductId; name: ProductName; quantity: Quantity }
  | { type: 'CheckProduct'; productId: ProductId }
  | { type: 'UncheckProduct'; productId: ProductId }
  | { type: 'RemoveProduct'; productId: ProductId }
  | { type: 'ClearCheckedProducts'; streamId: StreamId }
  | { type: 'Undo'; streamId: StreamId }
  | { type: 'Redo'; streamId: StreamId };
