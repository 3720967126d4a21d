import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { added } from '../test/events';
import { freshIndexedDB } from '../test/harness';
import { upgradedByNewerBasket } from './newer-basket';
import { parseBackup } from './backup-file';
import { openDexieStore } from './dexie-store';
import { exportRawDatabase } from './raw-export';

describe('the raw export, when Basket cannot open at all', () => {
  it('takes every row away, from a newer Basket’s database with a damaged row, as a file that imports', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1), added(2)]);
    store.close();
    // A newer Basket upgraded it, and one row on disk is damaged.
    const newer = await upgradedByNewerBasket(idb);
    const damaged = { ...added(3), payload: { productId: 'p', name: 'Eggs', quantity: -1 } };
    await newer.table('events').add({ ...damaged });
    newer.close();

    const file = await exportRawDatabase('basket', idb);
    expect(file.events.map((e) => e.id)).toEqual(['event-1', 'event-2']);
    expect(file.unreadable).toEqual([damaged]);
    const parsed = await parseBackup(JSON.stringify(file));
    expect(parsed.ok && parsed.events.length).toBe(2);
    expect(parsed.ok && parsed.unreadable.map((u) => u.row)).toEqual([damaged]);
  });
});
