/**
 * The one union of everything that can happen to a shopping list. Events are facts in the past
 * tense; they are never removed or changed in place — a changed shape gets a new `v` and an
 * upcaster (see DESIGN §2).
 */
export type ProductId = string;
export type StreamId = string;

/** The fields every stored event carries, whatever its type. */
export interface Envelope<T extends string, P> {
  readonly id: string;
  readonly type: T;
  readonly v: 1;
  /** Epoch ms, from the injected clock, when the person did it. */
  readonly at: number;
  readonly streamId: StreamId;
  /** 1..n within one stream (one list), contiguous. */
  readonly streamVersion: number;
  readonly payload: P;
}

export type ProductAdded = Envelope<
  'ProductAdded',
  { productId: ProductId; name: string; quantity: number }
>;
export type ProductRenamed = Envelope<'ProductRenamed', { productId: ProductId; name: string }>;
export type ProductQuantityChanged = Envelope<
  'ProductQuantityChanged',
  { productId: ProductId; quantity: number }
>;
export type ProductChecked = Envelope<'ProductChecked', { productId: ProductId }>;
export type ProductUnchecked = Envelope<'ProductUnchecked', { productId: ProductId }>;
export type ProductRemoved = Envelope<'ProductRemoved', { productId: ProductId }>;
/** Carries the ids it cleared, so one undo can bring them all back and history can count them. */
export type CheckedProductsCleared = Envelope<
  'CheckedProductsCleared',
  { productIds: readonly ProductId[] }
>;

export type BasketEvent =
  | ProductAdded
  | ProductRenamed
  | ProductQuantityChanged
  | ProductChecked
  | ProductUnchecked
  | ProductRemoved
  | CheckedProductsCleared;

export type EventType = BasketEvent['type'];

/** An event as the store hands it back: with its position in the whole log. */
export type StoredEvent = BasketEvent & { readonly seq: number };

/** The list every product lives in until several lists arrive. */
export const DEFAULT_STREAM: StreamId = 'list:default';
