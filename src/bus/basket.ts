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
  of,
  scan,
  share,
  shareReplay,
  startWith,
  Subject,
} from 'rxjs';
import type { StoredEvent } from '../events';
import {
  applyCommitted,
  decide,
  describe,
  initialState,
  reduceState,
  type BasketState,
  type Command,
  type EventContext,
  type ListState,
  type StateChange,
  type StorageStatus,
} from '../model';
import { ConcurrencyError, outdated, StorageError, type EventStore } from '../store';
import type { CrossTab } from './cross-tab';

export type Outcome = { ok: true; events: readonly StoredEvent[] } | { ok: false; message: string };

export interface Basket {
  /** One user intent. Resolves once it is stored and shown, or refused with a reason. */
  dispatch(command: Command): Promise<Outcome>;
  /** Transient: filters what is shown, never stored. */
  search(text: string): void;
  dismissNotice(): void;
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
}

type Message =
  | { kind: 'command'; command: Command; reply: (outcome: Outcome) => void }
  | { kind: 'sync' }
  | { kind: 'change'; change: StateChange };

/** What one write job produced: the events to fold, then what to do once they are folded. */
interface Handled {
  events: readonly StoredEvent[];
  after: () => void;
}

const MAX_ATTEMPTS = 3;

export const systemContext: EventContext = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
};

export async function createBasket({
  store,
  ctx = systemContext,
  crossTab = null,
}: BasketOptions): Promise<Basket> {
  const bus = new Subject<Message>();
  let current = initialState(await store.load(), store.kind === 'memory' ? 'memory' : 'saved');
  let noticeId = 0;
  const listeners = new Set<() => void>();

  const change = (c: StateChange) => bus.next({ kind: 'change', change: c });
  const notice = (kind: 'status' | 'alert', text: string) =>
    change({ type: 'NoticeShown', notice: { kind, text, id: (noticeId += 1) } });

  async function handleCommand(command: Command, reply: (o: Outcome) => void): Promise<Handled> {
    const before = current.list;
    let list: ListState = before;
    const seen: StoredEvent[] = [];
    const refuse = (message: string): Handled => ({
      events: seen,
      after: () => {
        notice('alert', message);
        reply({ ok: false, message });
      },
    });
    if (current.storage === 'outdated') return refuse(outdated().message);
    for (let attempt = 1; ; attempt += 1) {
      const decision = decide(command, list, ctx);
      if (!decision.ok) return refuse(decision.message);
      if (decision.events.length === 0) return { events: seen, after: () => reply(ok([])) };
      try {
        const stored = await store.append(
          decision.streamId,
          decision.expectedVersion,
          decision.events,
        );
        return {
          events: [...seen, ...stored],
          after: () => {
            if (stored.length) {
              crossTab?.announce(stored.at(-1)!.seq);
              notice('status', describe(stored, list));
            }
            reply(ok(stored));
          },
        };
      } catch (error) {
        if (error instanceof ConcurrencyError && attempt < MAX_ATTEMPTS) {
          // Another tab wrote first: fold in what it wrote and decide again.
          const missed = await store.readAfter(list.lastSeq);
          seen.push(...missed);
          list = applyCommitted(list, missed);
          continue;
        }
        const message = messageOf(error);
        return {
          events: seen,
          after: () => {
            reportFailure(error);
            reply({ ok: false, message });
          },
        };
      }
    }
  }

  async function handleSync(): Promise<Handled> {
    try {
      return { events: await store.readAfter(current.list.lastSeq), after: () => {} };
    } catch (error) {
      return { events: [], after: () => reportFailure(error) };
    }
  }

  function reportFailure(error: unknown): void {
    if (error instanceof StorageError && error.reason === 'outdated') {
      change({ type: 'StorageStatusChanged', storage: 'outdated' });
    }
    if (!(error instanceof StorageError || error instanceof ConcurrencyError)) {
      console.error('Unexpected failure in the store', error);
    }
    notice('alert', messageOf(error));
  }

  const committed$ = bus.pipe(
    filter((m) => m.kind !== 'change'),
    // One write at a time, in dispatch order: each decision sees every commit before it.
    concatMap((m) =>
      from(m.kind === 'command' ? handleCommand(m.command, m.reply) : handleSync()).pipe(
        mergeMap(({ events, after }) =>
          concat(
            events.length ? of(events) : EMPTY,
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

  const changes$ = merge(
    committed$.pipe(map((events): StateChange => ({ type: 'Committed', events }))),
    bus.pipe(
      filter((m) => m.kind === 'change'),
      map((m) => m.change),
    ),
  );

  const state$ = changes$.pipe(
    scan(reduceState, current),
    startWith(current),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  const subscription = state$.subscribe((state) => {
    if (state === current) return;
    current = state;
    for (const listener of listeners) listener();
  });
  const stopListening = crossTab?.listen(() => bus.next({ kind: 'sync' }));

  return {
    dispatch: (command) =>
      new Promise<Outcome>((reply) => bus.next({ kind: 'command', command, reply })),
    search: (text) => change({ type: 'SearchTextChanged', text }),
    dismissNotice: () => change({ type: 'NoticeDismissed' }),
    storageChanged: (storage) => change({ type: 'StorageStatusChanged', storage }),
    sync: () => bus.next({ kind: 'sync' }),
    getState: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state$,
    committed$,
    dispose() {
      stopListening?.();
      crossTab?.close();
      subscription.unsubscribe();
      bus.complete();
      store.close();
    },
  };
}

const ok = (events: readonly StoredEvent[]): Outcome => ({ ok: true, events });

function messageOf(error: unknown): string {
  if (error instanceof StorageError) return error.message;
  if (error instanceof ConcurrencyError) {
    return 'This list kept changing in another tab, so your change was not saved. Please try again.';
  }
  return `Something went wrong and your change was not saved: ${String(error)}`;
}
