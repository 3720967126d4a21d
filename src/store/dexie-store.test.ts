import Dexie, { type DBCore, type Middleware } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { fold } from '../model';
import { added } from '../test/events';
import { freshIndexedDB } from '../test/harness';
import golden from '../events/fixtures/golden-v1.json';
import { openDexieStore } from './dexie-store';
import { StorageError } from './errors';

/**
 * Fails writes to `table` whenever `when()` says so (by default, while `fault.armed` is true):
 * a fault in the middle of a transaction.
 */
function faultOn(table: string, makeError: () => Error, when?: () => boolean) {
  const fault = { armed: false };
  const failing = when ?? (() => fault.armed);
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: `fault-on-${table}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const downTable = down.table(name);
        return {
          ...downTable,
          mutate: (req) =>
            name === table && failing() ? Promise.reject(makeError()) : downTable.mutate(req),
        };
      },
    }),
  };
  return { fault, middleware };
}

describe('Dexie store under faults', () => {
  it.each(['products', 'streams', 'meta'])(
    'rolls back the whole append when writing %s fails after the events were added',
    async (table) => {
      const { fault, middleware } = faultOn(table, () => new Error('disk said no'));
      const store = await openDexieStore({ ...freshIndexedDB(), middleware: [middleware] });
      await store.append(DEFAULT_STREAM, 0, [added(1)]);
      const before = await store.load();
      fault.armed = true;
      await expect(store.append(DEFAULT_STREAM, 1, [added(2)])).rejects.toThrow(
        'This change could not be saved: disk said no',
      );
      fault.armed = false;
      expect((await store.readAfter(0)).map((e) => e.id)).toEqual(['event-1']);
      expect(await store.load()).toEqual(before);
    },
  );

  it('says the storage is full when the quota error arrives inside an abort', async () => {
    const quota = () =>
      Object.assign(new Error('Transaction aborted'), {
        name: 'AbortError',
        inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      });
    const { fault, middleware } = faultOn('products', quota);
    const store = await openDexieStore({ ...freshIndexedDB(), middleware: [middleware] });
    fault.armed = true;
    const failure = await store.append(DEFAULT_STREAM, 0, [added(1)]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({
      reason: 'full',
      message: "Your device's storage is full, so this change was not saved.",
    });
    fault.armed = false;
    expect(await store.readAfter(0)).toEqual([]);
  });
});

describe('Dexie store boot', () => {
  it('rebuilds the read model from the log when it was built by another reducer version', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1), added(2)]);
    store.close();
    const raw = new Dexie('basket', idb);
    await raw.open();
    await raw.table('products').clear();
    await raw.table('meta').put({ key: 'projection', reducerVersion: -1, lastAppliedSeq: 0 });
    raw.close();

    const booted = await (await openDexieStore(idb)).load();
    expect(booted.products).toEqual(fold([added(1), added(2)]));
    expect(booted.lastSeq).toBe(2);
  });

  it('applies events stored after the read model was last written, and only those', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    store.close();
    const raw = new Dexie('basket', idb);
    await raw.open();
    await raw.table('events').add({ ...added(2) });
    raw.close();

    const reopened = await openDexieStore(idb);
    const booted = await reopened.load();
    expect([...booted.products.keys()]).toEqual(['product-1', 'product-2']);
    expect(booted.versions.get(DEFAULT_STREAM)).toBe(2);
    await expect(reopened.append(DEFAULT_STREAM, 2, [added(3)])).resolves.toHaveLength(1);
  });
});

describe('Dexie store when a newer Basket upgrades the database', () => {
  it('closes, says so, and refuses to write with the old schema', async () => {
    const idb = freshIndexedDB();
    const onInterrupt = vi.fn();
    const old = await openDexieStore({ ...idb, onInterrupt });
    await old.append(DEFAULT_STREAM, 0, [added(1)]);

    const newer = new Dexie('basket', idb);
    newer.version(9).stores({ events: '++seq, &id, &[streamId+streamVersion], streamId, type' });
    await newer.open();

    expect(onInterrupt).toHaveBeenCalledWith('outdated');
    const failure = await old.append(DEFAULT_STREAM, 1, [added(2)]).catch((e: unknown) => e);
    expect(failure).toMatchObject({ reason: 'outdated' });
    expect(await newer.table('events').count()).toBe(1);
    newer.close();
  });
});

describe('Dexie store and events from other versions of Basket', () => {
  it('reads v1 events written long ago at their current version, and rebuilds from them', async () => {
    const idb = freshIndexedDB();
    const raw = new Dexie('basket', idb);
    raw.version(1).stores({ events: '++seq, &id, &[streamId+streamVersion], streamId' });
    await raw.open();
    await raw.table('events').bulkAdd(golden.map((e) => ({ ...e })));
    raw.close();

    const store = await openDexieStore(idb);
    const booted = await store.load();
    expect([...booted.products.values()].map((p) => [p.name, p.quantity])).toEqual([
      ['Milk', 2],
      ['Green tea', 1],
    ]);
    const [, changed] = await store.readAfter(0);
    expect(changed).toMatchObject({ v: 2, payload: { reason: 'unrecorded' } });
  });

  it('keeps an event from a newer Basket verbatim and stops, saying Basket was updated', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    const raw = new Dexie('basket', idb);
    await raw.open();
    const future = { ...added(2), type: 'ListShared', payload: { with: 'someone' } };
    await raw.table('events').add(future);

    await expect(store.readAfter(0)).rejects.toMatchObject({ reason: 'outdated' });
    expect(await raw.table('events').where('id').equals('event-2').first()).toMatchObject(future);
    raw.close();
  });

  it('will not overwrite a read model built by a newer reducer', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    const raw = new Dexie('basket', idb);
    await raw.open();
    await raw.table('meta').put({ key: 'projection', reducerVersion: 99, lastAppliedSeq: 1 });

    await expect(store.load()).rejects.toMatchObject({ reason: 'outdated' });
    expect(await raw.table('meta').get('projection')).toMatchObject({ reducerVersion: 99 });
    raw.close();
  });

  it('keeps working on a database a newer Basket upgraded compatibly', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    store.close();
    const newer = new Dexie('basket', idb);
    newer.version(9).stores({
      events: '++seq, &id, &[streamId+streamVersion], streamId',
      streams: 'streamId',
      products: 'productId, streamId',
      meta: 'key',
      purchases: 'key',
      lists: 'streamId',
    });
    await newer.open();
    newer.close();

    const old = await openDexieStore(idb);
    expect((await old.load()).products.size).toBe(1);
    await expect(old.append(DEFAULT_STREAM, 1, [added(2)])).resolves.toHaveLength(1);
  });
});

describe('Dexie store imports and rebuilds are all or nothing', () => {
  it('leaves log and read model as they were when an import fails half way', async () => {
    const { fault, middleware } = faultOn('products', () => new Error('disk said no'));
    const store = await openDexieStore({ ...freshIndexedDB(), middleware: [middleware] });
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    const [log, model] = [await store.readAfter(0), await store.load()];
    fault.armed = true;
    await expect(store.importEvents([added(2), added(3)])).rejects.toThrow('disk said no');
    fault.armed = false;
    expect(await store.readAfter(0)).toEqual(log);
    expect(await store.load()).toEqual(model);
  });

  it('never leaves a half-built read model in use when a rebuild crashes', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1), added(2)]);
    store.close();
    const raw = new Dexie('basket', idb);
    await raw.open();
    await raw.table('meta').put({ key: 'projection', reducerVersion: 0, lastAppliedSeq: 2 });
    const rowsBefore = await raw.table('products').toArray();
    raw.close();

    // The rebuild on boot dies part way through writing the new read model.
    let writes = 0;
    const { middleware: crashAfterOneWrite } = faultOn(
      'products',
      () => new Error('tab closed'),
      () => (writes += 1) > 1,
    );
    const crashing = await openDexieStore({ ...idb, middleware: [crashAfterOneWrite] });
    await expect(crashing.load()).rejects.toThrow('tab closed');
    crashing.close();

    const check = new Dexie('basket', idb);
    await check.open();
    expect(await check.table('products').toArray()).toEqual(rowsBefore);
    expect(await check.table('meta').get('projection')).toMatchObject({ reducerVersion: 0 });
    check.close();
    const recovered = await (await openDexieStore(idb)).load();
    expect([...recovered.products.keys()]).toEqual(['product-1', 'product-2']);
  });

  it('reports progress while rebuilding', async () => {
    const store = await openDexieStore(freshIndexedDB());
    await store.append(
      DEFAULT_STREAM,
      0,
      Array.from({ length: 4500 }, (_, i) => added(i + 1)),
    );
    const progress: [number, number][] = [];
    await store.rebuild((done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [2000, 4500],
      [4000, 4500],
      [4500, 4500],
    ]);
  });
});

describe('Dexie store when its upgrade must wait', () => {
  it('says other tabs must close, and opens once they have', async () => {
    const idb = freshIndexedDB();
    // An old tab that ignores requests to close, holding an older version of the database.
    const stubborn = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.indexedDB!.open('basket', 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    stubborn.onversionchange = () => {};
    const interruptions: string[] = [];
    const opening = openDexieStore({ ...idb, onInterrupt: (why) => interruptions.push(why) });
    await vi.waitFor(() => expect(interruptions).toEqual(['blocked']));

    stubborn.close();
    const store = await opening;
    expect(interruptions).toEqual(['blocked', 'unblocked']);
    await expect(store.append(DEFAULT_STREAM, 0, [added(1)])).resolves.toHaveLength(1);
  });
});
