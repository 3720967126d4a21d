import type * as v from 'valibot';
import type { Catalog } from './catalog';

export type ProductId = string;
export type StreamId = string;
export type EventType = keyof Catalog;
export type PayloadOf<T extends EventType> = v.InferOutput<Catalog[T]['payload']>;

/** The fields every stored event carries, whatever its type. */
export interface Envelope<T extends EventType> {
  readonly id: string;
  readonly type: T;
  /** The schema version of this type's payload: always the current one once read. */
  readonly v: Catalog[T]['v'];
  /** Epoch ms, from the injected clock, when the person did it. */
  readonly at: number;
  readonly streamId: StreamId;
  /** 1..n within one stream (one list), contiguous. */
  readonly streamVersion: number;
  /**
   * The id of the first event of the dispatch this one belongs to, on every event after the
   * first: one person's action (an edit, a clear, an undo) is undone as one. Absent on the
   * first event of a dispatch, whose own id is the action's.
   */
  readonly action?: string;
  /**
   * Which device did it (an id this browser made for itself), on the first event of a dispatch:
   * Undo takes back only this device's own actions. Absent on events older builds wrote.
   */
  readonly device?: string;
  /** What that device is called in its household ("Anna's phone"), once it has joined one. */
  readonly by?: string;
  readonly payload: Readonly<PayloadOf<T>>;
}

/** The action an event belongs to. */
export const actionOf = (event: { id: string; action?: string }): string =>
  event.action ?? event.id;

/**
 * The one union of everything that can happen to a shopping list, derived from the catalog.
 * Events are facts in the past tense.
 */
export type BasketEvent = { [T in EventType]: Envelope<T> }[EventType];

/** An event before it has an envelope: what a decision or an undo entry holds. */
export type Draft = { [T in EventType]: { type: T; payload: PayloadOf<T> } }[EventType];

/** An event as the store hands it back: with its position in this device's log. */
export type StoredEvent = BasketEvent & { readonly seq: number };

/** The list every product lives in until several lists arrive. */
export const DEFAULT_STREAM: StreamId = 'list:default';

/** The products an event names. */
export function productIdsOf(event: BasketEvent): readonly string[] {
  if (event.type === 'CheckedProductsCleared') return event.payload.productIds;
  const payload = event.payload as { productId?: unknown };
  return typeof payload.productId === 'string' ? [payload.productId] : [];
}
