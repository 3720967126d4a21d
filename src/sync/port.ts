import type { BasketEvent, StreamId } from '../events';

/**
 * The shape a sync server must offer Basket (after LiveStore's `SyncBackend` and tldraw's sync
 * client): push one local action, pull what the server has after a cursor, and say whether it
 * can be reached. `src/sync/contract.ts` is the suite every backend passes: the in-memory one
 * here, and NATS JetStream.
 */
export interface SyncBackend {
  /**
   * Sends one dispatch. The server keeps one total order; pushing an action it already holds is
   * a success that adds nothing (`duplicate`), at the position it first got. Rejects with
   * `SyncUnreachable` when the server cannot be reached: the action stays pending; with
   * `SyncTooLarge` when it never will take it.
   */
  push(action: SyncAction): Promise<{ serverSeq: number; duplicate: boolean }>;
  /** Actions after `after` in the server's order, at most `limit`. Rejects when unreachable. */
  pull(after: number, limit?: number): Promise<ConfirmedAction[]>;
  /** Called whenever the server may have more (a live subscription); returns a stop. */
  onNews(listener: () => void): () => void;
  /** Called whenever the server becomes reachable or not; returns a stop. */
  onStatus(listener: (status: SyncStatus) => void): () => void;
  status(): SyncStatus;
  close(): Promise<void>;
}

export type SyncStatus = 'online' | 'offline';

/** One dispatch, as it travels: all its events, or none. */
export interface SyncAction {
  /** The id of the dispatch's first event: also the message id the server dedupes on. */
  readonly actionId: string;
  /** Which device did it: the history names it. */
  readonly deviceId: string;
  readonly streamId: StreamId;
  readonly events: readonly BasketEvent[];
}

/** An action as the server ordered it. */
export interface ConfirmedAction extends SyncAction {
  /** Its place in the household's one order: 1, 2, 3 … */
  readonly serverSeq: number;
  /**
   * Why the backend could not read the message at all (it did not open, or is no dispatch):
   * such an action has no events, is never applied, and this is what the person is told.
   */
  readonly unreadable?: string;
}

/** The server could not be reached; nothing was lost, and the caller tries again later. */
export class SyncUnreachable extends Error {
  override readonly name = 'SyncUnreachable';
}

/**
 * The server will never take this action as it is (larger than a message may be): it stays on
 * this device, and what comes after it is still sent.
 */
export class SyncTooLarge extends Error {
  override readonly name = 'SyncTooLarge';
}
