import type { BasketEvent, StoredEvent, StreamId } from '../events';
import type { ListState } from '../model';

/**
 * The event store's contract; `store.contract.test.ts` runs it against every implementation.
 * Every method either does all it says or nothing, and rejects with a `ConcurrencyError` or a
 * `StorageError` (see `errors.ts`).
 */
export interface EventStore {
  readonly kind: 'indexeddb' | 'memory';
  /** The read model as it stands, without replaying the log (unless the reducer changed). */
  load(): Promise<ListState>;
  /**
   * Appends one dispatch's events to one stream, atomically with the read model. Refused with a
   * `ConcurrencyError` when the stream's head is not `expectedVersion`. Events whose ids are all
   * stored already are a success that writes nothing: it resolves to `[]`.
   */
  append(
    streamId: StreamId,
    expectedVersion: number,
    events: readonly BasketEvent[],
  ): Promise<StoredEvent[]>;
  /** Events after log position `seq`, oldest first. */
  readAfter(seq: number): Promise<StoredEvent[]>;
  close(): void;
}

/** Why a store stopped being able to write, told to whoever opened it. */
export type StoreInterruption = 'outdated' | 'blocked' | 'unblocked';
