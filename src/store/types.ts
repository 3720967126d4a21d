import type { BasketEvent, StoredEvent, StreamId } from '../events';
import type { LogRead, SetAsideRow } from './read';
import type { SyncLog } from './sync-log';

export type { LogRead, SetAsideRow } from './read';
export type { Projection, SavedModel } from './projection';

/**
 * The event store's contract; `store.contract.test.ts` runs it against every implementation.
 * Every method either does all it says or nothing, and rejects with a `ConcurrencyError` or a
 * `StorageError` (see `errors.ts`). `S` is the read model: what the `Projection` the store was
 * opened with folds the log into. The store keeps the log and a saved copy of the fold, and never
 * knows what the fold means.
 *
 * Three orders, each with one meaning:
 * - `seq`: this device's log position, the order it stored events in. Folds follow it; catching
 *   up with other tabs and the saved read model's boundary are positions in it. Never leaves the
 *   device (backups leave it out).
 * - `streamVersion`: an event's place in its list, 1..n on this device; an append names the
 *   version it expects, so two tabs never both write the next one. Renumbered by a backup merge
 *   and by a sync rebase, so it is local too.
 * - `serverSeq`: a household's one order, the sync server's (see `sync-log.ts`). A device that
 *   shares keeps its log as the server's log in that order, then its own pending dispatches.
 * A backup merge (`merge.ts`) decides a new `seq` order from two logs (each device's order kept);
 * `at`, the time a person did something, is for the history's words and never for order.
 */
export interface EventStore<S> {
  readonly kind: 'indexeddb' | 'memory';
  /**
   * Whether this build may write here: `newer` once a newer Basket has upgraded the database
   * (this build may still read and export it), `cleared` once the browser deleted it.
   */
  health(): StoreHealth;
  /** Household sync: the server's order, this device's outbox, and the cursor between them. */
  readonly sync: SyncLog;
  /**
   * The read model as it stands: the saved snapshot plus the events after it, never the whole
   * log — unless it was built by another reducer version, or there is none yet, when it is
   * folded from the whole log (reporting progress) and saved in one transaction.
   */
  load(onProgress?: Progress): Promise<S>;
  /**
   * Appends one dispatch's events to one stream, atomically. Refused with a
   * `ConcurrencyError` when the stream's head is not `expectedVersion`. Events whose ids are all
   * stored already are a success that writes nothing: it resolves to `[]`.
   */
  append(
    streamId: StreamId,
    expectedVersion: number,
    events: readonly BasketEvent[],
  ): Promise<StoredEvent[]>;
  /** Events after log position `seq`, oldest first; rows this build cannot read are left out. */
  readAfter(seq: number): Promise<StoredEvent[]>;
  /** The same, with the rows this build cannot read: what folding in what is new needs. */
  catchUp(seq: number): Promise<LogRead>;
  /**
   * Everything a backup must hold: every event this build reads, and every row it cannot,
   * verbatim, so an export never fails and never leaves anything out.
   */
  exportLog(): Promise<{ events: StoredEvent[]; unreadable: object[] }>;
  /**
   * Merges events (from a backup) into the log by id and rebuilds the read model from the
   * merged log, all in one transaction: a failure or a closed tab leaves everything as it was.
   * Importing what is already here adds nothing and writes nothing.
   */
  importEvents(
    events: readonly BasketEvent[],
    onProgress?: Progress,
    /** Rows of the file this build cannot read: kept aside, verbatim, and exported again. */
    unreadable?: readonly SetAsideRow[],
  ): Promise<ImportResult<S>>;
  /**
   * Folds what was appended since the read model was last saved into it, so the next boot folds
   * only what comes after. Resolves to how many events that was (0: nothing to do, cheaply).
   */
  compact(): Promise<number>;
  /** Throws the read model away and folds it again from the whole log, atomically. */
  rebuild(onProgress?: Progress): Promise<S>;
  close(): void;
}

/** How far a long job has got: `done` of `total` (events, rows). */
export type Progress = (done: number, total: number) => void;

export interface ImportResult<S> {
  readonly added: number;
  readonly list: S;
}

/** Why a store stopped being able to write, told to whoever opened it. */
export type StoreInterruption = 'outdated' | 'blocked' | 'unblocked' | 'cleared';

export type StoreHealth = 'ok' | 'newer' | 'cleared';
