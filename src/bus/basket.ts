import {
  concat,
  concatMap,
  defer,
  EMPTY,
  filter,
  from,
  map,
  merge,
  mergeMap,
  type Observable,
  scan,
  share,
  shareReplay,
  startWith,
  Subject,
} from 'rxjs';
import { actionOf, LOG_LIMITS, LOG_WARN_AT, logShare, type StoredEvent } from '../events';
import {
  applyRead,
  decide,
  describeBatch,
  initialState,
  reduceState,
  type BasketState,
  type Command,
  type EventContext,
  type ListState,
  type SetAside,
  type StateChange,
  type StorageStatus,
} from '../model';
import type { BackupFile } from '../store/backup-file';
import { ConcurrencyError, outdated, StorageError, type EventStore, type Progress } from '../store';
import type { CrossTab } from './cross-tab';
import { inEnglish } from '../i18n/english';
import { says, type Sentence } from '../events/sentence';

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
  /** Folds in whatever other tabs committed that this one has not seen. */
  sync(): void;
  getState(): BasketState;
  subscribe(listener: () => void): () => void;
  readonly state$: Observable<BasketState>;
  /** Every batch of events that committed (here or in another tab), once each, in log order. */
  readonly committed$: Observable<readonly StoredEvent[]>;
  dispose(): void;
}

export interface BasketOptions {
  store: EventStore;
  ctx?: EventContext;
  crossTab?: CrossTab | null;
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

/** Events a boot may have to fold on top of the saved read model: a few milliseconds' work. */
export const COMPACT_EVERY = 500;

const browserIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(work, { timeout: 5000 })
    : setTimeout(work, 200);

function browserHidden(listener: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  const onChange = () => {
    if (document.visibilityState === 'hidden') listener();
  };
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** Work that must wait its turn behind every write before it. */
type Job =
  | { kind: 'command'; command: Command; reply: (outcome: Outcome) => void }
  | { kind: 'sync' }
  | { kind: 'reload' }
  | { kind: 'task'; run: () => Promise<Handled> };

type Message = Job | { kind: 'change'; change: StateChange };

/** What one job produced: changes to fold, then what to do once they are folded. */
interface Handled {
  changes: readonly StateChange[];
  after: () => void;
}

const MAX_ATTEMPTS = 3;

const systemContext: EventContext = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};

const committed = (
  events: readonly StoredEvent[],
  unreadable: readonly SetAside[] = [],
): StateChange[] =>
  events.length || unreadable.length ? [{ type: 'Committed', events, unreadable }] : [];

/** How a store's health shows to the person. */
const storageOf = (store: EventStore): StorageStatus => {
  if (store.kind === 'memory') return 'memory';
  const health = store.health();
  return health === 'ok' ? 'saved' : health === 'newer' ? 'outdated' : 'cleared';
};

export async function createBasket({
  store,
  ctx = systemContext,
  crossTab = null,
  onLoadProgress,
  initialList,
  onListSelected,
  compactEvery = store.kind === 'indexeddb' ? COMPACT_EVERY : 0,
  whenIdle = browserIdle,
  onHidden = browserHidden,
}: BasketOptions): Promise<Basket> {
  const bus = new Subject<Message>();
  const loaded = await store.load(onLoadProgress);
  let current = initialState(loaded, storageOf(store), initialList);
  let noticeId = 0;
  const listeners = new Set<() => void>();

  const change = (c: StateChange) => bus.next({ kind: 'change', change: c });
  const notice = (kind: 'status' | 'alert', text: Sentence, offerExport = false) =>
    change({ type: 'NoticeShown', notice: { kind, text, id: (noticeId += 1), offerExport } });

  function reportFailure(error: unknown): Sentence {
    const message = messageOf(error);
    if (error instanceof StorageError && error.reason === 'outdated') {
      change({ type: 'StorageStatusChanged', storage: 'outdated' });
    }
    if (!(error instanceof StorageError || error instanceof ConcurrencyError)) {
      console.error('Unexpected failure in the store', error);
    }
    const full = error instanceof StorageError && error.reason === 'full';
    notice('alert', message, full);
    return message;
  }

  async function handleCommand(command: Command, reply: (o: Outcome) => void): Promise<Handled> {
    let list: ListState = current.list;
    const seen: StoredEvent[] = [];
    const seenAside: SetAside[] = [];
    const refuse = (message: Sentence): Handled => ({
      changes: committed(seen, seenAside),
      after: () => {
        notice('alert', message);
        reply({ ok: false, message });
      },
    });
    if (current.storage === 'outdated') return refuse(outdated().sentence);
    if (current.storage === 'cleared') return refuse(says('databaseCleared'));
    for (let attempt = 1; ; attempt += 1) {
      const decision = decide(command, list, ctx);
      if (!decision.ok) return refuse(decision.message);
      if (decision.events.length === 0) {
        return {
          changes: committed(seen, seenAside),
          after: () => reply({ ok: true, events: [] }),
        };
      }
      try {
        const stored = await store.append(
          decision.streamId,
          decision.expectedVersion,
          decision.events,
        );
        const before = list;
        let gapFailed: unknown = null;
        let shown: readonly StoredEvent[] = stored;
        let shownAside: readonly SetAside[] = [];
        if (stored.length && stored[0]!.seq > list.lastSeq + 1) {
          // Another tab committed in between: fold what it wrote first, so nothing is skipped.
          try {
            ({ events: shown, unreadable: shownAside } = await store.catchUp(list.lastSeq));
          } catch (error) {
            gapFailed = error;
          }
        }
        const after = applyRead(list, shown, shownAside);
        const acted: StateChange[] = stored.length
          ? [{ type: 'ActedHere', streamId: stored[0]!.streamId, actionId: actionOf(stored[0]!) }]
          : [];
        return {
          changes: [...committed([...seen, ...shown], [...seenAside, ...shownAside]), ...acted],
          after: () => {
            if (gapFailed) reportFailure(gapFailed);
            if (stored.length) {
              crossTab?.announce(stored.at(-1)!.seq);
              notice(
                'status',
                describeBatch(
                  stored,
                  before.products,
                  before.stacks.get(stored[0]!.streamId),
                  before.lists,
                ),
              );
              if (decision.clockAdjusted) {
                notice('alert', says('clockAdjusted', { at: stored[0]!.at }));
              } else if (
                logShare(before.size) < LOG_WARN_AT &&
                logShare(after.size) >= LOG_WARN_AT
              ) {
                notice('status', historyLarge(after));
              }
            }
            reply({ ok: true, events: stored });
          },
        };
      } catch (error) {
        let failure = error;
        if (error instanceof ConcurrencyError && attempt < MAX_ATTEMPTS) {
          // Another tab wrote first: fold in what it wrote and decide again.
          try {
            const missed = await store.catchUp(list.lastSeq);
            seen.push(...missed.events);
            seenAside.push(...missed.unreadable);
            list = applyRead(list, missed.events, missed.unreadable);
            continue;
          } catch (readError) {
            failure = readError;
          }
        }
        return {
          changes: committed(seen, seenAside),
          after: () => reply({ ok: false, message: reportFailure(failure) }),
        };
      }
    }
  }

  async function handleSync(): Promise<Handled> {
    // From here on a new message needs a read of its own: this one may miss what it announces.
    syncQueued = false;
    try {
      const { events, unreadable } = await store.catchUp(current.list.lastSeq);
      return { changes: committed(events, unreadable), after: () => {} };
    } catch (error) {
      return { changes: [], after: () => void reportFailure(error) };
    }
  }

  async function handleReload(): Promise<Handled> {
    try {
      return { changes: [{ type: 'ListReloaded', list: await store.load() }], after: () => {} };
    } catch (error) {
      return { changes: [], after: () => void reportFailure(error) };
    }
  }

  /** Runs a job that replaces the whole list, in its turn, and tells the other tabs. */
  function replaceList(
    work: () => Promise<{ list: ListState; message: Sentence; changed: boolean }>,
  ): Promise<JobOutcome> {
    return new Promise((reply) =>
      bus.next({
        kind: 'task',
        run: async () => {
          try {
            const { list, message, changed } = await work();
            return {
              changes: changed ? [{ type: 'ListReloaded', list }] : [],
              after: () => {
                if (changed) crossTab?.announceReset();
                notice('status', message);
                reply({ ok: true, message });
              },
            };
          } catch (error) {
            return {
              changes: [],
              after: () => reply({ ok: false, message: reportFailure(error) }),
            };
          }
        },
      }),
    );
  }

  /**
   * Runs work in its turn, after every write dispatched before it. A failure is told to the
   * person too, unless `quiet` (it rejects with the store's own error then).
   */
  function inTurn<T>(work: () => Promise<T>, quiet = false): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      bus.next({
        kind: 'task',
        run: async () => {
          try {
            const result = await work();
            return { changes: [], after: () => resolve(result) };
          } catch (error) {
            return {
              changes: [],
              after: () => reject(quiet ? error : new Error(inEnglish(reportFailure(error)))),
            };
          }
        },
      }),
    );
  }

  function handle(job: Job): Promise<Handled> {
    switch (job.kind) {
      case 'command':
        return handleCommand(job.command, job.reply);
      case 'sync':
        return handleSync();
      case 'reload':
        return handleReload();
      case 'task':
        return job.run();
    }
  }

  const jobChanges$ = bus.pipe(
    filter((m): m is Job => m.kind !== 'change'),
    // One job at a time, in dispatch order: each decision sees every commit before it.
    concatMap((job) =>
      from(handle(job)).pipe(
        mergeMap(({ changes, after }) =>
          concat(
            from(changes),
            defer(() => {
              after();
              return EMPTY;
            }),
          ),
        ),
      ),
    ),
    share(),
  );

  const committed$ = jobChanges$.pipe(
    filter((c): c is Extract<StateChange, { type: 'Committed' }> => c.type === 'Committed'),
    map((c) => c.events),
  );

  const state$ = merge(
    jobChanges$,
    bus.pipe(
      filter((m) => m.kind === 'change'),
      map((m) => m.change),
    ),
  ).pipe(
    scan(reduceState, current),
    startWith(current),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  const subscription = state$.subscribe((state) => {
    if (state === current) return;
    current = state;
    for (const listener of listeners) listener();
  });
  // Keeping boot short: once enough has committed since the read model was saved, it is saved
  // again when the page is idle, in its turn on the bus.
  function compact(): Promise<number> {
    unsaved = 0;
    // A tab that may not write (outdated, or waiting on an upgrade) leaves it to others.
    return inTurn(async () => (current.storage === 'saved' ? store.compact() : 0), true);
  }
  /**
   * Housekeeping that failed loses nothing (the log has every change, and the next boot folds
   * more of it), so it is logged rather than put in front of the person; a full disk or a newer
   * Basket is told by the next change they make, or already was.
   */
  const compactQuietly = () =>
    compact().catch((error: unknown) =>
      console.warn('Basket could not save its read model; boot will fold more of the log.', error),
    );
  let unsaved = 0;
  let idleQueued = false;
  let disposed = false;
  const compactWhenIdle = () => {
    if (idleQueued) return;
    idleQueued = true;
    whenIdle(() => {
      idleQueued = false;
      // Disposed meanwhile: the bus is closed, and a request to it would never be answered.
      if (!disposed) void compactQuietly();
    });
  };
  const compaction = compactEvery
    ? committed$.subscribe((events) => {
        unsaved += events.length;
        if (unsaved >= compactEvery) compactWhenIdle();
      })
    : null;
  const stopOnHidden = compactEvery
    ? onHidden(() => {
        if (unsaved > 0) void compactQuietly();
      })
    : null;
  // Whatever an earlier visit left unsaved (a tab closed before it could save).
  if (compactEvery) compactWhenIdle();

  // Catching up coalesces: one queued read takes everything after lastSeq, so while one waits
  // its turn another adds nothing, and a flood of messages cannot hold up this tab's own input.
  let syncQueued = false;
  const sync = () => {
    if (syncQueued) return;
    syncQueued = true;
    bus.next({ kind: 'sync' });
  };
  const stopListening = crossTab?.listen(
    // A position this tab has folded already needs no read at all.
    (lastSeq) => {
      if (lastSeq === undefined || lastSeq > current.list.lastSeq) sync();
    },
    () => bus.next({ kind: 'reload' }),
  );

  return {
    dispatch: (command) =>
      new Promise<Outcome>((reply) => bus.next({ kind: 'command', command, reply })),
    async importBackup(blob, onProgress = () => {}) {
      // Rarely used: the file format and its checks load only when a backup is chosen.
      const { MAX_FILE_BYTES, parseBackup, tooLarge } = await import('../store/backup-file');
      // Cheap first: no file over the limit is read at all (a character is at most 3 bytes).
      if (blob.size > MAX_FILE_BYTES) return { ok: false, message: tooLarge() };
      const parsed = await parseBackup(await blob.text(), (done, total) =>
        onProgress('checking', done, total),
      );
      if (!parsed.ok) return parsed;
      return replaceList(async () => {
        const { added, list } = await store.importEvents(
          parsed.events,
          (done, total) => onProgress('importing', done, total),
          parsed.unreadable,
        );
        const aside = parsed.unreadable.length;
        const message = aside
          ? says('importedSomeAside', { count: added, aside })
          : added
            ? says('imported', { count: added })
            : says('nothingNew');
        return { list, message, changed: added > 0 || aside > 0 };
      });
    },
    rebuild: (onProgress) =>
      replaceList(async () => {
        const list = await store.rebuild(onProgress);
        return { list, message: says('rebuilt'), changed: true };
      }),
    compact,
    readLog: (after = 0) => inTurn(() => store.readAfter(after)),
    exportBackup: () =>
      inTurn(async () => {
        const { backupFileName, backupOf } = await import('../store/backup-file');
        const exportedAt = ctx.now();
        const { events, unreadable } = await store.exportLog();
        const file = backupOf(events, exportedAt, unreadable);
        return { name: backupFileName(new Date(exportedAt)), file };
      }),
    search: (text) => change({ type: 'SearchTextChanged', text }),
    selectList(streamId) {
      change({ type: 'ListSelected', streamId });
      onListSelected?.(current.currentList);
    },
    dismissNotice: () => change({ type: 'NoticeDismissed' }),
    announce: (kind, text) => notice(kind, text),
    storageChanged: (storage) => change({ type: 'StorageStatusChanged', storage }),
    sync,
    getState: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state$,
    committed$,
    dispose() {
      disposed = true;
      compaction?.unsubscribe();
      stopOnHidden?.();
      stopListening?.();
      crossTab?.close();
      subscription.unsubscribe();
      bus.complete();
      store.close();
    },
  };
}

/** "Your history is getting large": said once, as it crosses `LOG_WARN_AT` of a backup's limits. */
export const historyLarge = (list: ListState): Sentence =>
  says('historyLarge', {
    count: list.size.events,
    percent: Math.floor(logShare(list.size) * 100),
    max: LOG_LIMITS.events,
  });

function messageOf(error: unknown): Sentence {
  if (error instanceof StorageError) return error.sentence;
  if (error instanceof ConcurrencyError) return says('keptChanging');
  return says('somethingWrong', { detail: String(error) });
}
