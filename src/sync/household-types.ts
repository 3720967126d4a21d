import type { Sentence } from '../events/sentence';
import type { ListState } from '../model';
import type { EventStore } from '../store';
import type { SyncRound } from './engine';
import type { Invite } from './invite';
import type { notKept } from './not-kept';
import type { SyncBackend } from './port';

/** What the person is told about sharing: all sent and applied, under way, or waiting. */
export type HouseholdStatus =
  | { readonly state: 'synced' }
  | { readonly state: 'syncing'; readonly pending: number }
  | { readonly state: 'offline'; readonly pending: number };

/** How a device reaches its household's server: the NATS one in the browser, memory in tests. */
export type ConnectHousehold = (invite: Invite, deviceId: string) => Promise<SyncBackend>;

/** What this device remembers of the household it joined (it holds secrets: kept, never sent). */
export interface Joined {
  readonly invite: Invite;
  readonly deviceId: string;
  readonly deviceName: string;
}

/** Where the bus learns of other devices' changes: the `otherDevices` ChangeFeed's two words. */
export interface OtherDevicesDoor {
  grown(): void;
  reset(): void;
}

/** Where a household may be told to sync: the page coming back online or into view. */
export interface Wakeups {
  /** Calls `wake` when the page is online again or visible; returns a stop. */
  listen(wake: () => void): () => void;
}

export interface HouseholdOptions {
  readonly store: EventStore<ListState>;
  readonly joined: Joined;
  readonly connect: ConnectHousehold;
  readonly door: OtherDevicesDoor;
  /** The list as shown now: what a rebase is compared against, to tell what it could not keep. */
  readonly current: () => ListState;
  /**
   * What a rebase could not keep (`notKept` from `./not-kept`), handed in by the caller, which
   * has the model loaded already: so this module, loaded late, does not split the model's code.
   */
  readonly notKept: typeof notKept;
  /** A notice for the person, told once (refused wire messages, changes not kept). */
  readonly notify: (sentence: Sentence) => void;
  readonly wakeups?: Wakeups;
  /** Milliseconds before the next round: after a complete one, and the most a backoff waits. */
  readonly every?: number;
  readonly maxBackoff?: number;
}

export interface Household {
  readonly joined: Joined;
  status(): HouseholdStatus;
  /** Calls `listener` whenever the status changes; returns a stop. */
  onStatus(listener: (status: HouseholdStatus) => void): () => void;
  /** Runs a round soon (coalesced): after a local commit, or when asked. */
  kick(): void;
  /** Resolves once a round has run after this call. */
  round(): Promise<SyncRound | null>;
  /** Stops syncing and closes the connection; the store still holds everything. */
  stop(): Promise<void>;
  /** Stops sharing: this device keeps its lists. */
  leave(): Promise<void>;
}
