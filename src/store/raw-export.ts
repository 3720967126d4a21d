import Dexie from 'dexie';
import { backupOf, type BackupFile } from './backup-file';
import { readStored, type SetAsideRow } from './read';

/**
 * Every change in Basket's database, read without this build's schema: the way out when Basket
 * cannot open at all. Rows of the log this build can read go in `events`; every other row, and
 * every row an import kept aside, goes in `unreadable`, verbatim. The file imports as a backup.
 */
export async function exportRawDatabase(
  name = 'basket',
  /** For tests: a fake-indexeddb factory. */
  where: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
): Promise<BackupFile> {
  // No declared versions: Dexie opens whatever is there, at whatever version, as it is.
  const db = new Dexie(name, { autoOpen: false, ...where });
  try {
    await db.open();
    const has = (table: string) => db.tables.some((t) => t.name === table);
    const rows = has('events') ? await db.table('events').toArray() : [];
    const aside = has('meta')
      ? (((await db.table('meta').get('setAside')) as { rows?: SetAsideRow[] } | undefined)?.rows ??
        [])
      : [];
    const { events, unreadable } = readStored(rows);
    return backupOf(
      events,
      Date.now(),
      [...aside, ...unreadable].map((u) => u.row),
    );
  } finally {
    db.close();
  }
}
