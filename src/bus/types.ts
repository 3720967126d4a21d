import type { Observable } from 'rxjs';
import { type ListState } from '../model';
import type { StoredEvent } from '../events';
import type { Sentence } from '../events/sentence';
import type { BasketState, Command, EventContext, StorageStatus } from '../model';
import type { BackupFile } from '../store/backup-file';
import type { EventStore, Progress } from '../store';
import type { ChangeFeed } from './catch-up';
import type { CrossTab } from './cross-tab';
import type { HouseholdDoor } from './household';
import type { ConnectHousehold } from '../sync/household';

export type Outcome =
  { ok: true; events: readonly StoredEvent[] } | { ok: false; message: Sentence };
export type JobOutcome = { ok: boolean; message: Sentence };
export type PhasedProgress = (phase: 'checking' | 'importing', done: number, total: number) => void;

export interface Basket {
  /** One user intent. Resolves once it is stored and shown, or refused with a reason. */
  dispatch(command: Command): Promise<Outcome>;
  /**
   * Checks a backup file and merges its events into the log, showing the merged list. A file
   * that cannot be trusted is refused with the reason, and nothing is written.
   */
  importBackup(file: Blob, onProgress?: PhasedProgress): Promise<JobOutcome>;
  /** Rebuilds the read model from the whole log. */
  rebuild(onProgress?: Progress): Promise<JobOutcome>;
  /**
   * Folds what was committed since the read model was last saved into it, in its turn. Resolves
   * to how many events that was; rejects with the store's error. Basket calls it by itself (see
   * `BasketOptions.compactEvery`).
   */
  compact(): Promise<number>;
  /** The log after position `after` (all of it by default), oldest first, as of every write dispatched before this call. */
  readLog(after?: number): Promise<StoredEvent[]>;
  /** The whole log as a backup file, as of every write dispatched before this call. */
  exportBackup(): Promise<{ name: string; file: BackupFile }>;
  /** Transient: filters what is shown, never stored. */
  search(text: string): void;
  /** Opens another list; the choice is remembered by this browser, not written to the log. */
  selectList(streamId: string): void;
  dismissNotice(): void;
  /** News (or a failure) that is not a stored change, for the status line or the alert. */
  announce(kind: 'status' | 'alert', text: Sentence): void;
  storageChanged(storage: StorageStatus): void;
  /** Folds in whatever other tabs committed that this one has not seen, in its turn. */
  catchUp(): void;
  getState(): BasketState;
  subscribe(listener: () => void): () => void;
  readonly state$: Observable<BasketState>;
  /** Every batch of events that committed (here or in another tab), once each, in log order. */
  readonly committed$: Observable<readonly StoredEvent[]>;
  /** Household sync: join, leave, status (`src/bus/household.ts`); loads only when used. */
  readonly household: HouseholdDoor;
  dispose(): void;
}

export interface BasketOptions {
  store: EventStore<ListState>;
  ctx?: EventContext;
  crossTab?: CrossTab | null;
  /**
   * Another device's events, once stored, are announced here and folded exactly as another
   * tab's are (see `ChangeFeed`). The household door's own feed is always followed as well.
   */
  otherDevices?: ChangeFeed | null;
  /** How a household's server is reached: NATS over a WebSocket unless told (tests: memory). */
  connectHousehold?: ConnectHousehold;
  /** Told how a rebuild on boot (after a reducer change) is getting on. */
  onLoadProgress?: Progress;
  /** The list to open first, if it is still there. */
  initialList?: string;
  /** Told whenever a list is chosen, to remember it. */
  onListSelected?: (streamId: string) => void;
  /**
   * The read model is saved once this many events have committed since it last was (and when
   * the page is hidden, and once after boot), so a boot folds at most about this many. 0: never.
   */
  compactEvery?: number;
  /** Runs background work when the page has nothing better to do. */
  whenIdle?: (work: () => void) => void;
  /** Calls `listener` whenever the page is hidden (the person may be leaving); returns a stop. */
  onHidden?: (listener: () => void) => () => void;
}
