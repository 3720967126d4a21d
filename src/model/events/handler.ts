import type { BasketEvent, Draft, Envelope, EventType, ProductId } from '../../events';
import type { Sentence } from '../../events/sentence';
import type { Product } from '../product';
import type { PurchaseEffect } from '../purchases';
import type { Rows, RowsBefore } from '../rows';
import type { UndoStacks } from '../stacks';

/**
 * What one event type means to the model, every facet in one place, as LiveStore's materializers
 * keep it: one small module per type, all registered in ./index.ts, whose type has a key for each
 * type in the catalog. So a new event type does not build until every facet of it is written.
 */
export interface Handler<T extends EventType> {
  /** Applies the event to the rows, in place. Pure: no clock, no randomness, no I/O. */
  evolve(rows: Rows, event: Envelope<T>): void;
  /** The drafts that undo it, given the rows just before it. */
  invert(event: Envelope<T>, before: RowsBefore): Draft[];
  /** What a dispatch that begins with it did, to be said later in the reader's language. */
  describe(event: Envelope<T>, telling: Telling): Sentence;
  /** What it adds to the purchase history, given the rows just before its dispatch. */
  purchases(event: Envelope<T>, before: RowsBefore): PurchaseEffect[];
}

/** What a dispatch's words are made of: the rows just before it, and its list's undo stacks. */
export interface Telling {
  /** The whole dispatch; the event told is its first. */
  readonly batch: readonly BasketEvent[];
  /** A product's name just before the dispatch (through an alias too), or "a product". */
  nameOf(productId: ProductId): string | Sentence;
  /** The product's row just before the dispatch (through an alias too), if it was there. */
  productOf(productId: ProductId): Product | undefined;
  /** The list's name just before the dispatch. */
  listName(): string | Sentence;
  readonly stacks: UndoStacks | undefined;
}

/** For events about a list rather than its products, or markers beside the events that work. */
export const noRows = (): void => {};
export const noInverse = (): Draft[] => [];
export const noPurchases = (): PurchaseEffect[] => [];
