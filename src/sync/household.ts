import { says, type Sentence } from '../events/sentence';
import type { ListState } from '../model';
import type { EventStore } from '../store';
import { createSyncEngine, type SyncRound } from './engine';
import type { Invite } from './invite';
import type { notKept } from './not-kept';
import type { SyncBackend } from './port';

/** What the person is told about sharing: all sent and applied, under way, or waiting. */
export type HouseholdStatus =
  | { readonly state: 'synced' }
  | { readonly state: 'syncing'; readonly pending: number }
  | { readonly state: 'offline'; readonly pending: number };

const pendingOf = (status: HouseholdStatus) => (status.state === 'synced' ? 0 : status.pending);

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

/** The browser's wakeups: `online`, and the page becoming visible. */
export const browserWakeups: Wakeups = {
  listen(wake) {
    if (typeof window === 'undefined') return () => {};
    const onVisible = () => {
      if (document.visibilityState === 'visible') wake();
    };
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', onVisible);
    };
  },
};

/**
 * A device's session with its household: it joins the store to the server's order, then runs
 * the engine's rounds on start, after each local commit (`kick`), on a timer that backs off while
 * the server cannot be reached, when the page comes online or into view, and whenever the server
 * has news. The bus hears of other devices' changes through `door`; refused wire messages and
 * changes a rebase could not keep are told once, in words.
 */
export async function startHousehold(options: HouseholdOptions): Promise<Household> {
  const { store, joined, door, notify, current } = options;
  const toldNotKept = options.notKept;
  const every = options.every ?? 30_000;
  const maxBackoff = options.maxBackoff ?? 5 * 60_000;
  await store.sync.join();
  let backend: SyncBackend | null = null;
  let engine: ReturnType<typeof createSyncEngine> | null = null;
  const stops: (() => void)[] = [];

  /** Connects once; a failure (the server unreachable at first) is retried with the backoff. */
  async function connected(): Promise<boolean> {
    if (backend) return true;
    try {
      backend = await options.connect(joined.invite, joined.deviceId);
    } catch {
      return false;
    }
    if (stopped) {
      await backend.close();
      return false;
    }
    engine = createSyncEngine({ store, backend, deviceId: joined.deviceId });
    stops.push(
      backend.onNews(kick),
      backend.onStatus((s) => {
        if (s === 'online') {
          wait = FIRST_RETRY;
          kick();
        } else setStatus({ state: 'offline', pending: pendingOf(status) });
      }),
    );
    return true;
  }

  let status: HouseholdStatus = { state: 'syncing', pending: (await store.sync.pending()).length };
  const listeners = new Set<(status: HouseholdStatus) => void>();
  const setStatus = (next: HouseholdStatus) => {
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    for (const listener of [...listeners]) listener(next);
  };

  let stopped = false;
  let running: Promise<SyncRound | null> = Promise.resolve(null);
  let queued: Promise<SyncRound | null> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // After a failure: try again soon, then less and less often (a server down for long is not
  // hammered); after a complete round, the regular `every`.
  const FIRST_RETRY = 1000;
  let wait = FIRST_RETRY;
  const failed = () => {
    schedule(wait);
    wait = Math.min(maxBackoff, wait * 2);
  };
  const toldRefused = new Set<number>();

  function schedule(ms: number) {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(kick, ms);
  }

  async function once(): Promise<SyncRound | null> {
    const pending = await store.sync.pending();
    if (!(await connected()) || !backend || !engine) {
      setStatus({ state: 'offline', pending: pending.length });
      failed();
      return null;
    }
    if (backend.status() === 'offline') setStatus({ state: 'offline', pending: pending.length });
    // Synced stays synced while a round looks for news: nothing of this device's is waiting.
    else if (pending.length > 0 || status.state !== 'synced') {
      setStatus({ state: 'syncing', pending: pending.length });
    }
    const before = current();
    const result = await engine.round();
    if (result.rebased) {
      door.reset();
      if (pending.length > 0) {
        for (const sentence of toldNotKept(before, await store.load(), pending)) notify(sentence);
      }
    } else if (result.added > 0) door.grown();
    for (const { serverSeq, why } of result.refused) {
      if (toldRefused.has(serverSeq)) continue;
      toldRefused.add(serverSeq);
      notify(says('syncRefused', { detail: why }));
    }
    const left = (await store.sync.pending()).length;
    if (result.complete && left === 0) setStatus({ state: 'synced' });
    else if (result.complete) setStatus({ state: 'syncing', pending: left });
    else setStatus({ state: 'offline', pending: left });
    if (!result.complete) failed();
    else {
      wait = FIRST_RETRY;
      schedule(left > 0 ? 0 : every);
    }
    return result;
  }

  /** Rounds run one after another; a call while one waits to start shares that one. */
  function run(): Promise<SyncRound | null> {
    if (stopped) return Promise.resolve(null);
    if (queued) return queued;
    const next: Promise<SyncRound | null> = running.then(() => {
      queued = null;
      if (stopped) return null;
      return once().catch((error: unknown) => {
        console.error('Household sync round failed', error instanceof Error ? error.name : '');
        failed();
        return null;
      });
    });
    queued = next;
    running = next;
    return next;
  }

  function kick() {
    void run();
  }

  stops.push(
    (options.wakeups ?? browserWakeups).listen(() => {
      wait = FIRST_RETRY;
      kick();
    }),
  );
  void run();

  async function stop() {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    for (const s of stops) s();
    await running;
    await backend?.close();
  }

  return {
    joined,
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    kick,
    round: run,
    stop,
    async leave() {
      await stop();
      await store.sync.leave();
    },
  };
}
