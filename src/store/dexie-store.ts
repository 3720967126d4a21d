import type { BasketEvent, StoredEvent, StreamId } from '../events';
import type { LogContext } from './dexie-context';
import { CHUNK, guarded, openDatabase, WRITE_CHUNK, type DexieStoreOptions } from './dexie-db';
import { dexieAppend } from './dexie-append';
import { dexieReadModel } from './dexie-model';
import type { Projection } from './projection';
import { readStored, type SetAsideRow } from './read';
import type { SyncLog } from './sync-log';
import type { EventStore } from './types';

export type { DexieStoreOptions } from './dexie-db';

/**
 * Basket's event store on IndexedDB: the log, a saved fold of it (the read model), and the sync
 * log, each in its own file beside this one. Every transaction is whole: it commits all it
 * writes or nothing. Nothing inside one catches errors or awaits anything but Dexie.
 */
export async function openDexieStore<S>(
  options: DexieStoreOptions & { projection: Projection<S> },
): Promise<EventStore<S>> {
  const open = await openDatabase(options);
  const { db } = open;
  const P = options.projection;

  /** The highest version of each stream this store has seen stored. */
  const reached = new Map<StreamId, number>();
  function saw<T extends readonly StoredEvent[] | S>(seen: T): T {
    const versions = Array.isArray(seen)
      ? (seen as readonly BasketEvent[]).map((e) => [e.streamId, e.streamVersion] as const)
      : P.versions(seen as S);
    for (const [id, version] of versions) reached.set(id, Math.max(version, reached.get(id) ?? 0));
    return seen;
  }

  const readRows = async (after: number) =>
    readStored(await db.events.where('seq').above(after).toArray());
  const ctx: LogContext<S> = {
    ...open,
    P,
    both: [db.events, db.meta],
    readChunk: options.readChunk ?? CHUNK,
    writeChunk: options.writeChunk ?? WRITE_CHUNK,
    readRows,
    keptAside: async () =>
      ((await db.meta.get('setAside')) as { rows: SetAsideRow[] } | undefined)?.rows ?? [],
    fold: (state, read) => P.applyRead(state, read.events, read.unreadable),
    saw,
  };
  const model = dexieReadModel(ctx);

  return {
    kind: 'indexeddb',
    health: open.health,
    sync: lazySync(() =>
      import('./dexie-sync').then(({ dexieSyncLog }) =>
        dexieSyncLog({ ...open, events: db.events, meta: db.meta as never, guarded }),
      ),
    ),
    load: model.load,
    append: dexieAppend(ctx, reached),
    readAfter: async (seq) => saw(await guarded(async () => (await readRows(seq)).events)),
    catchUp: async (seq) => {
      const read = await guarded(() => readRows(seq));
      saw(read.events);
      return read;
    },
    exportLog: () =>
      guarded(() =>
        db.transaction('r', ctx.both, async () => {
          const [read, aside] = await Promise.all([readRows(0), ctx.keptAside()]);
          const unreadable = [...aside, ...read.unreadable].map((u) => u.row);
          return { events: read.events, unreadable };
        }),
      ),
    compact: model.compact,
    // Rarely used: merging a backup loads its code when a backup is imported.
    importEvents: async (...args) =>
      (await import('./dexie-import')).dexieImport(ctx, model)(...args),
    rebuild: async (onProgress) => {
      open.writable();
      return saw(await guarded(() => model.rebuildAndSave(onProgress, true)));
    },
    close: () => db.close(),
  };
}

/** A sync log whose code loads on first use: a device that never shares never fetches it. */
function lazySync(load: () => Promise<SyncLog>): SyncLog {
  let loaded: Promise<SyncLog> | null = null;
  const get = () => (loaded ??= load());
  return {
    join: async () => (await get()).join(),
    leave: async () => (await get()).leave(),
    position: async () => (await get()).position(),
    pending: async () => (await get()).pending(),
    applyServer: async (actions, through) => (await get()).applyServer(actions, through),
  };
}
