import Dexie, { type DBCore, type Middleware, type Table } from 'dexie';
import type { BasketEvent, Category, StreamId } from '../events';
import {
  foldLog,
  NO_STACKS,
  REDUCER_VERSION,
  touchedIds,
  type CategoryTable,
  type ListState,
  type Product,
  type ListTable,
  type Purchase,
  type StackTable,
} from '../model';
import { ConcurrencyError, storageErrorFrom } from './errors';
import { mergeLogs } from './merge';
import {
  checkBatch,
  projectBatch,
  projectPurchases,
  streamRow,
  type StreamRow,
} from './projection';
import { checkReducerVersion, readStored } from './read';
import type { EventStore, Progress, StoreInterruption } from './types';

interface ProjectionMeta {
  key: 'projection';
  reducerVersion: number;
  lastAppliedSeq: number;
}

/** The categories people chose for product names: a few dozen at most, so one record. */
interface CategoriesMeta {
  key: 'categories';
  chosen: [string, Category][];
}

type MetaRow = ProjectionMeta | CategoriesMeta;

class BasketDatabase extends Dexie {
  /** Rows as they were written, at whatever version: read them through `readStored`. */
  events!: Table<object & { seq: number }, number, object>;
  streams!: Table<StreamRow, StreamId>;
  products!: Table<Product, string>;
  meta!: Table<MetaRow, string>;
  purchases!: Table<Purchase, string>;

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
    // 2: purchase history by product name, for suggestions. Filled by the rebuild that the
    // new reducer version triggers on the first boot after the upgrade.
    this.version(2).stores({ purchases: 'key' });
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

/** Rows per request in long writes: progress is reported, and the page can paint, between them. */
const CHUNK = 2000;

const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

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
  const all = [db.events, db.streams, db.products, db.meta, db.purchases];

  const putMeta = (lastAppliedSeq: number) =>
    db.meta.put({ key: 'projection', reducerVersion: REDUCER_VERSION, lastAppliedSeq });
  const getMeta = async () => (await db.meta.get('projection')) as ProjectionMeta | undefined;
  const getCategories = async (): Promise<CategoryTable> =>
    new Map(((await db.meta.get('categories')) as CategoriesMeta | undefined)?.chosen);
  const putCategories = (chosen: ReadonlyMap<string, Category>) =>
    db.meta.put({ key: 'categories', chosen: [...chosen] });

  /**
   * Applies events (of any streams) to the rows and stream heads they touch. `known` may bring
   * stream rows the caller has read already, so they are not read twice.
   */
  async function project(
    events: readonly BasketEvent[],
    known: readonly StreamRow[] = [],
  ): Promise<void> {
    const touched = [...new Set(events.flatMap(touchedIds))];
    const streamIds = [...new Set(events.map((e) => e.streamId))];
    const missing = streamIds.filter((id) => !known.some((h) => h.streamId === id));
    const [rows, read] = await Promise.all([
      db.products.bulkGet(touched),
      missing.length ? db.streams.bulkGet(missing) : [],
    ]);
    const heads = [...known, ...read].filter(isDefined);
    const stacks: StackTable = new Map(heads.map((h) => [h.streamId, h]));
    const lists: ListTable = new Map(heads.flatMap((h) => (h.list ? [[h.streamId, h.list]] : [])));
    const table = new Map(rows.filter(isDefined).map((r) => [r.productId, r]));
    // Read only when a batch chooses a category: appends stay as few requests as they were.
    const choosing = events.some((e) => e.type === 'CategoryChosen');
    const categories = choosing ? await getCategories() : new Map<string, Category>();
    const { puts, deletes, purchases } = projectBatch(table, stacks, events, lists, categories);
    // Writes are issued together, not one after another: IndexedDB runs them in order within
    // the transaction either way, and the page does not wait a turn for each.
    const writes: Promise<unknown>[] = [];
    if (choosing) writes.push(putCategories(categories));
    if (puts.length) writes.push(db.products.bulkPut(puts));
    if (deletes.length) writes.push(db.products.bulkDelete(deletes));
    const versions = new Map<StreamId, number>();
    for (const e of events) versions.set(e.streamId, e.streamVersion);
    writes.push(
      db.streams.bulkPut(
        [...versions].map(([id, version]) =>
          streamRow(id, version, stacks.get(id) ?? NO_STACKS, lists.get(id)),
        ),
      ),
    );
    const keys = [...new Set(purchases.flatMap((c) => c.effects.map((e) => e.key)))];
    if (keys.length) {
      const known = (await db.purchases.bulkGet(keys)).filter(isDefined);
      const bought = projectPurchases(new Map(known.map((p) => [p.key, p])), purchases);
      if (bought.puts.length) writes.push(db.purchases.bulkPut(bought.puts));
      if (bought.deletes.length) writes.push(db.purchases.bulkDelete(bought.deletes));
    }
    await Promise.all(writes);
  }

  /** Replaces the whole read model with a fold of `events` (the whole log). */
  async function writeModel(
    events: readonly BasketEvent[],
    lastSeq: number,
    onProgress?: Progress,
  ): Promise<void> {
    const list = foldLog(events);
    const products = [...list.products.values()];
    await db.products.clear();
    for (let i = 0; i < products.length; i += CHUNK) {
      await db.products.bulkPut(products.slice(i, i + CHUNK));
      onProgress?.(Math.min(i + CHUNK, products.length), products.length);
    }
    await db.streams.clear();
    await db.streams.bulkPut(
      [...list.versions].map(([id, version]) =>
        streamRow(id, version, list.stacks.get(id), list.lists.get(id)),
      ),
    );
    await db.purchases.clear();
    await db.purchases.bulkPut([...list.purchases.values()]);
    await putCategories(list.categories);
    await putMeta(lastSeq);
  }

  async function rebuildModel(onProgress?: Progress): Promise<void> {
    const events = readStored(await db.events.orderBy('seq').toArray());
    await writeModel(events, events.at(-1)?.seq ?? 0, onProgress);
  }

  async function catchUp(meta: ProjectionMeta): Promise<void> {
    const pending = readStored(await db.events.where('seq').above(meta.lastAppliedSeq).toArray());
    const last = pending.at(-1);
    if (!last) return;
    await project(pending);
    await putMeta(last.seq);
  }

  async function readModel(): Promise<ListState> {
    const [products, streams, meta, purchases, categories] = await Promise.all([
      db.products.toArray(),
      db.streams.toArray(),
      getMeta(),
      db.purchases.toArray(),
      getCategories(),
    ]);
    return {
      products: new Map(products.map((p) => [p.productId, p])),
      versions: new Map(streams.map((s) => [s.streamId, s.version])),
      stacks: new Map(streams.map((s) => [s.streamId, { undo: s.undo, redo: s.redo }])),
      purchases: new Map(purchases.map((p) => [p.key, p])),
      lists: new Map(streams.flatMap((s) => (s.list ? [[s.streamId, s.list]] : []))),
      categories,
      lastSeq: meta?.lastAppliedSeq ?? 0,
    };
  }

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw storageErrorFrom(error);
    }
  }

  // Every transaction below is whole: log, stream heads and read model commit together or not
  // at all. Nothing inside one catches errors or awaits anything but Dexie.
  return {
    kind: 'indexeddb',
    load: (onProgress) =>
      guarded(() =>
        db.transaction('rw', all, async () => {
          const meta = await getMeta();
          checkReducerVersion(meta?.reducerVersion);
          // An up-to-date read model is read, never written: opening must work on a full disk.
          if (meta?.reducerVersion === REDUCER_VERSION) await catchUp(meta);
          else if (meta || (await db.events.count()) > 0) await rebuildModel(onProgress);
          return readModel();
        }),
      ),

    append: (streamId, expectedVersion, events) =>
      guarded(async () => {
        if (events.length === 0) return [];
        return db.transaction('rw', all, async () => {
          const [known, headRow] = await Promise.all([
            db.events
              .where('id')
              .anyOf(events.map((e) => e.id))
              .count(),
            db.streams.get(streamId),
          ]);
          if (known === events.length) return [];
          if (known > 0) throw new ConcurrencyError('Some of these events are stored already.');
          checkBatch(streamId, expectedVersion, headRow?.version ?? 0, events);
          // The log and the read model are written side by side; the transaction keeps both or
          // neither.
          const [seqs] = await Promise.all([
            db.events.bulkAdd(
              events.map((e) => ({ ...e })),
              { allKeys: true },
            ),
            project(events, headRow ? [headRow] : []),
          ]);
          const stored = events.map((e, i) => ({ ...e, seq: seqs[i]! }));
          await putMeta(stored.at(-1)!.seq);
          return stored;
        });
      }),

    readAfter: (seq) =>
      guarded(async () => readStored(await db.events.where('seq').above(seq).toArray())),

    importEvents: (incoming, onProgress) =>
      guarded(() =>
        db.transaction('rw', all, async () => {
          const rows = await db.events.orderBy('seq').toArray();
          const read = readStored(rows);
          const merge = mergeLogs(
            rows.map((row, i) => ({ row, event: read[i]! })),
            incoming,
          );
          if (merge.added === 0) return { added: 0, list: await readModel() };
          await db.events.clear();
          let lastSeq = 0;
          for (let i = 0; i < merge.rows.length; i += CHUNK) {
            const keys = await db.events.bulkAdd(merge.rows.slice(i, i + CHUNK), {
              allKeys: true,
            });
            lastSeq = keys.at(-1) ?? lastSeq;
            onProgress?.(Math.min(i + CHUNK, merge.rows.length), merge.rows.length);
          }
          await writeModel(merge.events, lastSeq);
          return { added: merge.added, list: await readModel() };
        }),
      ),

    rebuild: (onProgress) =>
      guarded(() =>
        db.transaction('rw', all, async () => {
          await rebuildModel(onProgress);
          return readModel();
        }),
      ),

    close: () => db.close(),
  };
}
