import Dexie, { type DBCore, type Middleware, type Table } from 'dexie';
import { says } from '../events/sentence';
import { newerDatabase, StorageError, storageErrorFrom } from './errors';
import type { MetaTable } from './snapshot';
import type { StoreHealth, StoreInterruption } from './types';

/** The schema version this build declares: a database at a higher one is a newer Basket's. */
const SCHEMA = 3;

export class BasketDatabase extends Dexie {
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
export const CHUNK = 2000;
/**
 * Events per request in long writes. IndexedDB copies each record on the calling thread as it is
 * added: about 50 µs each on a slow machine, so 250 hold the page for some 15 ms (2,000 held
 * it for over 100 ms; `npm run bench` shows the longest pause).
 */
export const WRITE_CHUNK = 250;

/** A write refused by a unique index: an event id, or a stream version, is taken already. */
export function collided(error: unknown): boolean {
  const e = error as { name?: string; failures?: { name?: string }[] } | undefined;
  return e?.name === 'ConstraintError' || !!e?.failures?.some((f) => f.name === 'ConstraintError');
}

/** Wraps work so a failure reaches the caller as a `StorageError` a person can be told. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storageErrorFrom(error);
  }
}

/** An open database, and whether this build may still write to it. */
export interface OpenDatabase {
  readonly db: BasketDatabase;
  health(): StoreHealth;
  /** Refuses to write unless this build may: the database is still this build's, and there. */
  writable(): void;
}

/** Opens Basket's IndexedDB database; rejects if IndexedDB cannot be used here. */
export async function openDatabase(options: DexieStoreOptions): Promise<OpenDatabase> {
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
  return {
    db,
    health: () => health,
    writable() {
      if (health === 'newer') throw newerDatabase();
      if (health === 'cleared') throw new StorageError(says('databaseCleared'), 'outdated');
    },
  };
}
