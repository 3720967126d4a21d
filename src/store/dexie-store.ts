import Dexie, { type DBCore, type Middleware, type Table } from 'dexie';
import type { BasketEvent, StoredEvent, StreamId } from '../events';
import { applyCommitted, foldLog, foldOnto, REDUCER_VERSION, type ListState } from '../model';
import { ConcurrencyError, storageErrorFrom } from './errors';
import { mergeLogs } from './merge';
import { checkBatch } from './check-batch';
import { checkReducerVersion, readStored } from './read';
import { readHead, readModel, writeSnapshot, type MetaTable } from './snapshot';
import type { EventStore, Progress, StoreInterruption } from './types';

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
}

/** Events per request in long reads: progress is reported, and the page runs, between. */
const CHUNK = 2000;
/**
 * Events per request in long writes. IndexedDB copies each record on the calling thread as it is
 * added: about 50 µs each on a slow machine, so 250 hold the page for some 15 ms (2,000 held
 * it for over 100 ms; `npm run bench` shows the longest pause).
 */
const WRITE_CHUNK = 250;

/** A write refused by a unique index: an event id, or a stream version, is taken already. */
function collided(error: unknown): boolean {
  const e = error as { name?: string; failures?: { name?: string }[] } | undefined;
  return e?.name === 'ConstraintError' || !!e?.failures?.some((f) => f.name === 'ConstraintError');
}

/** Opens Basket's IndexedDB database; rejects if IndexedDB cannot be used here. */
export async function openDexieStore(options: DexieStoreOptions = {}): Promise<EventStore> {
  const db = new BasketDatabase(options.name ?? 'basket', options);
  for (const middleware of options.middleware ?? []) db.use(middleware);
  db.on('versionchange', () => {
    // A newer Basket is upgrading: get out of its way and stay closed, rather than let Dexie
    // reopen and write with this build's idea of the schema.
    db.close({ disableAutoOpen: true });
    options.onInterrupt?.('outdated');
    return false;
  });
  db.on('blocked', () => options.onInterrupt?.('blocked'));
  try {
    await db.open();
  } catch (error) {
    throw storageErrorFrom(error);
  }
  options.onInterrupt?.('unblocked');
  const both = [db.events, db.meta];

  const readEvents = async (after: number) =>
    readStored(await db.events.where('seq').above(after).toArray());

  /** The highest version of each stream this store has seen stored. */
  const reached = new Map<StreamId, number>();
  function saw<T extends readonly BasketEvent[] | ListState>(seen: T): T {
    const versions =
      'versions' in seen ? seen.versions : seen.map((e) => [e.streamId, e.streamVersion] as const);
    for (const [id, version] of versions) {
      reached.set(id, Math.max(version, reached.get(id) ?? 0));
    }
    return seen;
  }

  /** The saved read model with the events after it folded in; null if this build cannot use it. */
  async function savedModel(): Promise<ListState | null> {
    const head = await readHead(db.meta);
    checkReducerVersion(head?.reducerVersion);
    if (head?.reducerVersion !== REDUCER_VERSION) return null;
    const [state, tail] = await Promise.all([readModel(db.meta, head), readEvents(head.lastSeq)]);
    return state ? applyCommitted(state, tail) : null;
  }

  /** Folds the whole log, a chunk at a time, and saves it as the read model. */
  async function rebuildModel(onProgress?: Progress): Promise<ListState> {
    const total = await db.events.count();
    let state = foldLog([]);
    for (let done = 0; ;) {
      const rows = await db.events.where('seq').above(state.lastSeq).limit(CHUNK).toArray();
      if (rows.length === 0) break;
      state = applyCommitted(state, readStored(rows));
      done += rows.length;
      onProgress?.(done, total);
    }
    await writeSnapshot(db.meta, state, await readHead(db.meta));
    return state;
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

  // Every transaction below is whole: it commits all it writes or nothing. Nothing inside one
  // catches errors or awaits anything but Dexie.
  return {
    kind: 'indexeddb',
    load: (onProgress) =>
      guarded(async () => {
        // Read-only, so a boot never waits for, or holds up, another tab's writes.
        const saved = await db.transaction('r', both, savedModel);
        if (saved) return saw(saved);
        const list = await db.transaction('rw', both, async () => {
          // Another tab may have saved one meanwhile.
          const meanwhile = await savedModel();
          if (meanwhile) return meanwhile;
          // Nothing saved and nothing to save: writing nothing, opening works on a full disk.
          if ((await db.events.count()) === 0) return foldLog([]);
          return rebuildModel(onProgress);
        });
        return saw(list);
      }),

    async append(streamId, expectedVersion, events) {
      if (events.length === 0) return [];
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

    compact: () =>
      guarded(() =>
        db.transaction('rw', both, async () => {
          const head = await readHead(db.meta);
          // Another build's read model is rebuilt by a load, not compacted by this one.
          if (head && head.reducerVersion !== REDUCER_VERSION) return 0;
          const tail = await readEvents(head?.lastSeq ?? 0);
          if (tail.length === 0) return 0;
          const state = head ? await readModel(db.meta, head) : foldLog([]);
          if (!state) return 0;
          await writeSnapshot(db.meta, applyCommitted(state, tail), head);
          return tail.length;
        }),
      ),

    importEvents: async (incoming, onProgress) => {
      const result = await guarded(() =>
        db.transaction('rw', both, async () => {
          const [rows, head] = await Promise.all([
            db.events.orderBy('seq').toArray(),
            readHead(db.meta),
          ]);
          const read = readStored(rows);
          const merge = mergeLogs(
            rows.map((row, i) => ({ row, event: read[i]! })),
            incoming,
          );
          if (merge.added === 0) return { added: 0, list: foldLog(read, read.at(-1)?.seq ?? 0) };
          await db.events.clear();
          let state = foldLog([]);
          for (let i = 0; i < merge.rows.length; i += WRITE_CHUNK) {
            const end = i + WRITE_CHUNK;
            const writing = db.events.bulkAdd(merge.rows.slice(i, end), { allKeys: true });
            // Each chunk is folded while IndexedDB writes it, and the page runs between chunks.
            const folded = foldOnto(state, merge.events.slice(i, end));
            const seqs = await writing;
            state = { ...folded, lastSeq: seqs.at(-1) ?? state.lastSeq };
            onProgress?.(Math.min(end, merge.rows.length), merge.rows.length);
          }
          await writeSnapshot(db.meta, state, head);
          return { added: merge.added, list: state };
        }),
      );
      saw(result.list);
      return result;
    },

    rebuild: async (onProgress) =>
      saw(await guarded(() => db.transaction('rw', both, () => rebuildModel(onProgress)))),

    close: () => db.close(),
  };
}
