import Dexie, { type DBCore, type Middleware, type Table } from 'dexie';
import {
  actionOf,
  eventChars,
  LOG_LIMITS,
  type BasketEvent,
  type StoredEvent,
  type StreamId,
} from '../events';
import { says } from '../events/sentence';
import { ConcurrencyError, newerDatabase, StorageError, storageErrorFrom } from './errors';
import { mergeLogs } from './merge';
import { checkBatch } from './check-batch';
import { checkReducerVersion, readStored, type LogRead, type SetAsideRow } from './read';
import { readHead, readModel, writeSnapshot, type MetaTable } from './snapshot';
import type { Projection } from './projection';
import { dexieSyncLog, readPosition } from './dexie-sync';
import type { EventStore, Progress, StoreHealth, StoreInterruption } from './types';

/** The schema version this build declares: a database at a higher one is a newer Basket's. */
const SCHEMA = 3;

class BasketDatabase extends Dexie {
  /** Rows as they were written, at whatever version: read them through `readStored`. */
  events!: Table<object & { seq: number }, number, object>;
  meta!: MetaTable;

  constructor(name: string, options: DexieStoreOptions) {
    super(name, {
      autoOpen: false,
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores({
      events: '++seq, &id, &[streamId+streamVersion], streamId',
      streams: 'streamId',
      products: 'productId, streamId',
      meta: 'key',
    });
    this.version(2).stores({ purchases: 'key' });
    // 3: the read model is one snapshot plus the log after it, not rows written by every
    // append: an append is then one request, where rows cost one more each (see the README's
    // Performance section). The first boot after the upgrade folds the log into a snapshot.
    this.version(3)
      .stores({ streams: null, products: null, purchases: null })
      .upgrade((tx) => tx.table('meta').bulkDelete(['projection', 'categories']));
  }
}

export interface DexieStoreOptions {
  name?: string;
  /** For tests: a fake-indexeddb factory per test. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** For tests: DBCore middleware, e.g. to inject a fault mid-transaction. */
  middleware?: Middleware<DBCore>[];
  /** Told when another tab upgrades the database, or our upgrade waits for other tabs. */
  onInterrupt?: (why: StoreInterruption) => void;
  /** For tests: events per read of a long fold, and per write of an import (see below). */
  readChunk?: number;
  writeChunk?: number;
}

/** Events per request in long reads: progress is reported, and the page runs, between. */
const CHUNK = 2000;
/**
 * Events per request in long writes. IndexedDB copies each record on the calling thread as it is
 * added: about 50 µs each on a slow machine, so 250 hold the page for some 15 ms (2,000 held
 * it for over 100 ms; `npm run bench` shows the longest pause).
 */
const WRITE_CHUNK = 250;

/** Where the last dispatch of `events` begins: everything before it is whole. */
function lastDispatchStart(events: readonly BasketEvent[]): number {
  const last = events.at(-1);
  if (!last) return 0;
  let i = events.length - 1;
  while (i > 0 && sameDispatch(events[i - 1]!, last)) i -= 1;
  return i;
}

/** The first index at or after `at` where a new dispatch begins (or the end). */
function dispatchEnd(events: readonly BasketEvent[], at: number): number {
  let i = Math.min(at, events.length);
  while (i > 0 && i < events.length && sameDispatch(events[i - 1]!, events[i]!)) i += 1;
  return i;
}

const sameDispatch = (a: BasketEvent, b: BasketEvent) =>
  a.streamId === b.streamId && actionOf(a) === actionOf(b);

/** A write refused by a unique index: an event id, or a stream version, is taken already. */
function collided(error: unknown): boolean {
  const e = error as { name?: string; failures?: { name?: string }[] } | undefined;
  return e?.name === 'ConstraintError' || !!e?.failures?.some((f) => f.name === 'ConstraintError');
}

/** Opens Basket's IndexedDB database; rejects if IndexedDB cannot be used here. */
export async function openDexieStore<S>(
  options: DexieStoreOptions & { projection: Projection<S> },
): Promise<EventStore<S>> {
  const P = options.projection;
  /** Folds what a read of the log after the state's `lastSeq` found. */
  const fold = (state: S, read: LogRead): S => P.applyRead(state, read.events, read.unreadable);
  const saveAs = (state: S) => ({ reducerVersion: P.version, lastSeq: P.lastSeq(state) });
  const fromSaved = async (head: Parameters<typeof readModel>[1]) => {
    const saved = await readModel(db.meta, head);
    return saved && P.fromSaved(saved);
  };
  const db = new BasketDatabase(options.name ?? 'basket', options);
  for (const middleware of options.middleware ?? []) db.use(middleware);
  let health: StoreHealth = 'ok';
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    // A newer Basket is upgrading, or the browser is deleting the database (site data cleared):
    // get out of its way and stay closed, rather than let Dexie reopen and write with this
    // build's idea of the schema. Each is told as what it is.
    health = event.newVersion === null ? 'cleared' : 'newer';
    db.close({ disableAutoOpen: true });
    options.onInterrupt?.(health === 'cleared' ? 'cleared' : 'outdated');
    return false;
  });
  db.on('blocked', () => options.onInterrupt?.('blocked'));
  try {
    await db.open();
  } catch (error) {
    throw storageErrorFrom(error);
  }
  options.onInterrupt?.('unblocked');
  // Dexie opens a database a newer Basket upgraded, at its version: this build may read it, but
  // writing with an older idea of the schema could corrupt what the newer one keeps (DESIGN I7).
  if (db.backendDB().version > SCHEMA * 10) health = 'newer';
  const both = [db.events, db.meta];
  const readChunk = options.readChunk ?? CHUNK;
  const writeChunk = options.writeChunk ?? WRITE_CHUNK;

  /** Refuses to write unless this build may: the database is still this build's, and there. */
  function writable(): void {
    if (health === 'newer') throw newerDatabase();
    if (health === 'cleared') throw new StorageError(says('databaseCleared'), 'outdated');
  }

  const readRows = async (after: number) =>
    readStored(await db.events.where('seq').above(after).toArray());
  const readEvents = async (after: number) => (await readRows(after)).events;
  /** Rows an import moved out of the log because this build could not read them: kept here. */
  const keptAside = async () =>
    ((await db.meta.get('setAside')) as { rows: SetAsideRow[] } | undefined)?.rows ?? [];

  /** The highest version of each stream this store has seen stored. */
  const reached = new Map<StreamId, number>();
  function saw<T extends readonly BasketEvent[] | S>(seen: T): T {
    const versions = Array.isArray(seen)
      ? (seen as readonly BasketEvent[]).map((e) => [e.streamId, e.streamVersion] as const)
      : P.versions(seen as S);
    for (const [id, version] of versions) {
      reached.set(id, Math.max(version, reached.get(id) ?? 0));
    }
    return seen;
  }

  /** The saved read model with the events after it folded in; null if this build cannot use it. */
  async function savedModel(): Promise<S | null> {
    const [head, position] = await Promise.all([readHead(db.meta), readPosition(db.meta)]);
    checkReducerVersion(head?.reducerVersion, P.version);
    if (head?.reducerVersion !== P.version) return null;
    // Sharing: a read model saved past the server's confirmed prefix folded an outbox that a
    // rebase may since have moved; fold again.
    if (position && head.lastSeq > position.confirmedSeq) return null;
    const [state, tail] = await Promise.all([fromSaved(head), readRows(head.lastSeq)]);
    if (!state) return null;
    // A row set aside then may be readable now (it was a newer Basket's, and this build is
    // newer still): then the read model is folded again, with it.
    const aside = P.unreadable(state)
      .filter((u) => u.seq > 0)
      .map((u) => u.seq);
    if (aside.length && readStored(await db.events.bulkGet(aside)).events.length) return null;
    return fold(state, tail);
  }

  /** Folds the whole log, a chunk at a time, never cutting a dispatch in two. */
  async function foldWholeLog(onProgress?: Progress, upTo = Infinity): Promise<S> {
    const total = await db.events.count();
    let state = P.setAside(P.empty(), await keptAside());
    // A chunk may end inside a dispatch: its last dispatch waits for the next chunk.
    let waiting: StoredEvent[] = [];
    let after = 0;
    for (let done = 0; ;) {
      const rows = await db.events
        .where('seq')
        .between(after, upTo, false, true)
        .limit(readChunk)
        .toArray();
      if (rows.length === 0) break;
      after = (rows.at(-1) as { seq: number }).seq;
      const read = readStored(rows);
      const events = [...waiting, ...read.events];
      const cut = lastDispatchStart(events);
      waiting = events.slice(cut);
      state = P.setAside(P.foldOnto(state, events.slice(0, cut)), read.unreadable);
      done += rows.length;
      onProgress?.(done, total);
    }
    return P.withLastSeq(P.foldOnto(state, waiting), after);
  }

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw storageErrorFrom(error);
    }
  }

  /** Why an append collided with what is stored, asked after its transaction rolled back. */
  const explainCollision = (
    streamId: StreamId,
    expectedVersion: number,
    events: readonly BasketEvent[],
  ) =>
    db.transaction('r', db.events, async () => {
      const known = await db.events
        .where('id')
        .anyOf(events.map((e) => e.id))
        .count();
      // Every one of them is stored already: a retry of a write that succeeded.
      if (known === events.length) return [];
      if (known > 0) throw new ConcurrencyError('Some of these events are stored already.');
      const head = await db.events
        .where('[streamId+streamVersion]')
        .between([streamId, Dexie.minKey], [streamId, Dexie.maxKey])
        .last();
      throw new ConcurrencyError(
        `Stream ${streamId} is at version ${(head as BasketEvent | undefined)?.streamVersion ?? 0}, not the expected ${expectedVersion}.`,
      );
    });

  /**
   * Saves a fold as the read model, unless another tab saved one as far meanwhile. A read model
   * holding rows set aside as a newer Basket's is never saved: that Basket must fold them.
   */
  const save = (state: S) =>
    db.transaction('rw', db.meta, async () => {
      if (P.unreadable(state).some((u) => u.reason === 'unknown')) return;
      const head = await readHead(db.meta);
      if (head?.reducerVersion === P.version && head.lastSeq >= P.lastSeq(state)) return;
      await writeSnapshot(db.meta, P.toSaved(state), saveAs(state), head);
    });

  /** Folds the whole log and saves it; a save that fails (a full disk) costs only a slower boot. */
  async function rebuildAndSave(onProgress?: Progress, mustSave = false): Promise<S> {
    // Read-only, so a long fold never holds up another tab's writes.
    // Sharing: only the server's confirmed prefix is saved; the outbox is folded on top.
    const { confirmed, state } = await db.transaction('r', both, async () => {
      const position = await readPosition(db.meta);
      const prefix = await foldWholeLog(onProgress, position?.confirmedSeq ?? Infinity);
      return {
        confirmed: prefix,
        state: position ? fold(prefix, await readRows(P.lastSeq(prefix))) : prefix,
      };
    });
    if (health !== 'ok') return state;
    try {
      await save(confirmed);
    } catch (error) {
      if (mustSave) throw storageErrorFrom(error);
      console.warn(
        'Basket folded its history but could not save it; the next boot folds it again.',
        error,
      );
    }
    return state;
  }

  // Every transaction below is whole: it commits all it writes or nothing. Nothing inside one
  // catches errors or awaits anything but Dexie.
  return {
    kind: 'indexeddb',
    health: () => health,
    sync: dexieSyncLog({ db, events: db.events, meta: db.meta as never, guarded, writable }),
    load: (onProgress) =>
      guarded(async () => {
        // Read-only, so a boot never waits for, or holds up, another tab's writes.
        const saved = await db.transaction('r', both, savedModel);
        if (saved) return saw(saved);
        // Nothing saved and nothing to save: writing nothing, opening works on a full disk.
        if ((await db.events.count()) === 0 && (await keptAside()).length === 0) {
          return P.empty();
        }
        return saw(await rebuildAndSave(onProgress));
      }),

    async append(streamId, expectedVersion, events) {
      if (events.length === 0) return [];
      writable();
      // The batch must be the next run of its stream; whether the stream is still where the
      // caller saw it is asked of the database below.
      checkBatch(streamId, expectedVersion, expectedVersion, events);
      // Whether the stream has reached `expectedVersion` needs asking only if this store has not
      // seen that version stored: stored versions stay stored (an import re-adds all it clears).
      const mustAsk = expectedVersion > (reached.get(streamId) ?? 0);
      try {
        // Nearly every dispatch is one event: one request, atomic by itself, as cheap as an add.
        if (events.length === 1 && !mustAsk) {
          const seq = await db.events.add({ ...events[0]! });
          return saw([{ ...events[0]!, seq }]);
        }
        const stored = await db.transaction('rw', db.events, async () => {
          // The unique [streamId+streamVersion] index refuses the add if the stream has moved
          // past `expectedVersion`; the count, if it has not reached it.
          const [present, seqs] = await Promise.all([
            mustAsk
              ? db.events
                  .where('[streamId+streamVersion]')
                  .equals([streamId, expectedVersion])
                  .count()
              : 1,
            db.events.bulkAdd(
              events.map((e) => ({ ...e })),
              { allKeys: true },
            ),
          ]);
          if (present === 0) {
            throw new ConcurrencyError(`Stream ${streamId} is behind ${expectedVersion}.`);
          }
          return events.map((e, i): StoredEvent => ({ ...e, seq: seqs[i]! }));
        });
        return saw(stored);
      } catch (error) {
        if (!collided(error)) throw storageErrorFrom(error);
        return guarded(() => explainCollision(streamId, expectedVersion, events));
      }
    },

    readAfter: async (seq) => saw(await guarded(() => readEvents(seq))),

    catchUp: async (seq) => {
      const read = await guarded(() => readRows(seq));
      saw(read.events);
      return read;
    },

    exportLog: () =>
      guarded(() =>
        db.transaction('r', both, async () => {
          const [read, aside] = await Promise.all([readRows(0), keptAside()]);
          return {
            events: read.events,
            unreadable: [...aside, ...read.unreadable].map((u) => u.row),
          };
        }),
      ),

    compact: () =>
      guarded(async () => {
        if (health !== 'ok') return 0;
        return db.transaction('rw', both, async () => {
          const head = await readHead(db.meta);
          // Another build's read model is rebuilt by a load, not compacted by this one.
          if (head && head.reducerVersion !== P.version) return 0;
          const position = await readPosition(db.meta);
          const after = head?.lastSeq ?? 0;
          // Sharing: only what the server confirmed is saved; a rebase may move the rest.
          const tail = position
            ? readStored(
                await db.events
                  .where('seq')
                  .between(after, position.confirmedSeq, false, true)
                  .toArray(),
              )
            : await readRows(after);
          if (tail.events.length + tail.unreadable.length === 0) return 0;
          const state = head ? await fromSaved(head) : P.empty();
          if (!state) return 0;
          const next = fold(state, tail);
          if (P.unreadable(next).some((u) => u.reason === 'unknown')) return 0;
          await writeSnapshot(db.meta, P.toSaved(next), saveAs(next), head);
          return tail.events.length + tail.unreadable.length;
        });
      }),

    importEvents: async (incoming, onProgress, unreadable = []) => {
      writable();
      const result = await guarded(() =>
        db.transaction('rw', both, async () => {
          const [rows, head, aside] = await Promise.all([
            db.events.orderBy('seq').toArray(),
            readHead(db.meta),
            keptAside(),
          ]);
          const read = readStored(rows);
          const byId = new Map(rows.map((row) => [(row as { id?: unknown }).id, row]));
          const merge = mergeLogs(
            read.events.map((event) => ({ row: byId.get(event.id)!, event })),
            incoming,
          );
          if (merge.added === 0 && unreadable.length === 0) return { added: 0, list: null };
          // The limits are the backup file's: a merge that a backup could not hold is refused,
          // so every file Basket exports, it imports.
          const chars = merge.events.reduce((n, e) => n + eventChars(e), 0);
          if (merge.events.length > LOG_LIMITS.events || chars > LOG_LIMITS.chars) {
            throw new StorageError(says('mergeTooLarge', { max: LOG_LIMITS.events }), 'conflict');
          }
          // Rows this build cannot read cannot be placed in the merged order: they are moved
          // aside, verbatim, and go on being exported and told.
          const keep = [...aside, ...read.unreadable, ...unreadable].map((u, i) => ({
            ...u,
            seq: -(i + 1),
          }));
          await db.events.clear();
          let state = P.setAside(P.empty(), keep);
          for (let i = 0; i < merge.rows.length;) {
            // Each chunk ends where a dispatch does, so no dispatch is folded in two halves.
            const end = dispatchEnd(merge.events, i + writeChunk);
            const writing = db.events.bulkAdd(merge.rows.slice(i, end), { allKeys: true });
            // Each chunk is folded while IndexedDB writes it, and the page runs between chunks.
            const folded = P.foldOnto(state, merge.events.slice(i, end));
            const seqs = await writing;
            state = P.withLastSeq(folded, seqs.at(-1) ?? P.lastSeq(state));
            onProgress?.(end, merge.rows.length);
            i = end;
          }
          await db.meta.put({ key: 'setAside', rows: keep } as never);
          await writeSnapshot(db.meta, P.toSaved(state), saveAs(state), head);
          return { added: merge.added, list: state };
        }),
      );
      if (result.list === null) {
        const list = await guarded(() => db.transaction('r', both, savedModel));
        return { added: 0, list: saw(list ?? (await rebuildAndSave())) };
      }
      saw(result.list);
      return { added: result.added, list: result.list };
    },

    rebuild: async (onProgress) => {
      writable();
      return saw(await guarded(() => rebuildAndSave(onProgress, true)));
    },

    close: () => db.close(),
  };
}
