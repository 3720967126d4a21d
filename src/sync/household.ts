import { createSyncEngine, type SyncRound } from './engine';
import type { Household, HouseholdOptions, HouseholdStatus } from './household-types';
import type { SyncBackend } from './port';
import { statusLine, tellOnce } from './household-told';
import { browserWakeups } from './wakeups';

export type * from './household-types';
export { browserWakeups } from './wakeups';

/** While a round stores batch after batch, the bus is told at most this often. */
const SHOW_EVERY = 250;

const pendingOf = (status: HouseholdStatus) => (status.state === 'synced' ? 0 : status.pending);

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
  /** Whether a batch of this round moved the outbox: the bus must reload, not read on. */
  let rebasing = false;
  let unshown = false;
  let shownAt = Number.NEGATIVE_INFINITY;
  const show = () => {
    unshown = false;
    shownAt = Date.now();
    door.grown();
  };

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
    engine = createSyncEngine({
      store,
      backend,
      deviceId: joined.deviceId,
      // A batch is shown once stored, so a long catch-up is folded (and drawn) in parts, at most
      // every SHOW_EVERY ms (each fold draws the whole list); the round's end shows the rest. Once
      // a batch has moved the outbox, the bus reloads at the round's end instead.
      onApplied: (applied) => {
        rebasing ||= applied.rebased;
        if (rebasing || applied.added === 0) return;
        unshown = true;
        if (Date.now() - shownAt >= SHOW_EVERY) show();
      },
    });
    stops.push(
      backend.onNews(kick),
      backend.onStatus((s) => {
        if (s === 'online') {
          wait = FIRST_RETRY;
          kick();
        } else setStatus({ state: 'offline', pending: pendingOf(shown.get()) });
      }),
    );
    return true;
  }

  const shown = statusLine({ state: 'syncing', pending: (await store.sync.pending()).length });
  const setStatus = shown.set;

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
  const told = tellOnce(notify);

  function schedule(ms: number) {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(kick, ms);
  }

  /** What waits to be sent: not what the server will never take, which stays here. */
  const waiting = async () =>
    (await store.sync.pending()).filter((d) => !told.keptHere(d.actionId));

  async function once(): Promise<SyncRound | null> {
    const pending = await waiting();
    if (!(await connected()) || !backend || !engine) {
      setStatus({ state: 'offline', pending: pending.length });
      failed();
      return null;
    }
    if (backend.status() === 'offline') setStatus({ state: 'offline', pending: pending.length });
    // Synced stays synced while a round looks for news: nothing of this device's is waiting.
    else if (pending.length > 0 || shown.get().state !== 'synced') {
      setStatus({ state: 'syncing', pending: pending.length });
    }
    const before = current();
    rebasing = false;
    // What was stored is shown even if a later batch failed.
    const result = await engine.round().finally(() => unshown && !rebasing && show());
    if (result.rebased) {
      door.reset();
      if (pending.length > 0) {
        for (const sentence of toldNotKept(before, await store.load(), pending)) notify(sentence);
      }
    }
    told.tell(result);
    const left = (await waiting()).length;
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
        // A round cut short by `stop` (the store closing under it) did not fail.
        if (stopped) return null;
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
    status: shown.get,
    onStatus: shown.listen,
    kick,
    round: run,
    stop,
    async leave() {
      await stop();
      await store.sync.leave();
    },
  };
}
