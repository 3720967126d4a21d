import Dexie from 'dexie';

/**
 * For tests: a newer Basket opens the database and upgrades its schema (a table of its own
 * added). Beside the store, the one place that knows Dexie; the app never imports it.
 */
export async function upgradedByNewerBasket(idb: {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}): Promise<Dexie> {
  const newer = new Dexie('basket', idb);
  newer.version(9).stores({
    events: '++seq, &id, &[streamId+streamVersion], streamId',
    meta: 'key',
    lists: 'streamId',
  });
  await newer.open();
  return newer;
}
