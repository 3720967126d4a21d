import Dexie, { type DBCore, type Middleware } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_STREAM, type BasketEvent } from '../events';
import { says } from '../events/sentence';
import { fold, foldLog, REDUCER_VERSION } from '../model';
import { added } from '../test/events';
import { faultOn } from './faults';
import { freshIndexedDB } from '../test/harness';
import { upgradedByNewerBasket } from './newer-basket';
import golden from '../events/fixtures/golden-v1.json';
import { openDexieStore } from './dexie-store';
import { StorageError } from './errors';

/** What the database says the saved read model stands for. */
async function snapshotHead(idb: ReturnType<typeof freshIndexedDB>) {
  const raw = new Dexie('basket', idb);
  await raw.open();
  const head: unknown = await raw.table('meta').get('snapshot');
  raw.close();
  return head;
}

describe('Dexie store under faults', () => {
  it('stores nothing of a dispatch whose write fails part way', async () => {
    let writes = 0;
    const { fault, middleware } = faultOn(
      'events',
      () => new Error('disk said no'),
      () => fault.armed && (writes += 1) > 1,
    );
    const store = await openDexieStore({ ...freshIndexedDB(), middleware: [middleware] });
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    const before = await store.load();
    fault.armed = true;
    // The first event's write goes through; the second's fails, and takes the first with it.
    await expect(store.append(DEFAULT_STREAM, 1, [added(2)])).resolves.toHaveLength(1);
    await expect(store.append(DEFAULT_STREAM, 2, [added(3), added(4)])).rejects.toMatchObject({
      sentence: says('notSaved', { detail: 'disk said no' }),
    });
    fault.armed = false;
    expect((await store.readAfter(0)).map((e) => e.id)).toEqual(['event-1', 'event-2']);
    expect((await store.load()).products).toEqual(fold([added(1), added(2)]));
    expect(before.products.size).toBe(1);
  });

  it('keeps the saved read model, and boots as before, when saving a new one fails', async () => {
    const idb = freshIndexedDB();
    const { fault, middleware } = faultOn('meta', () => new Error('disk said no'));
    const store = await openDexieStore({ ...idb, middleware: [middleware] });
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    await store.compact();
    await store.append(DEFAULT_STREAM, 1, [added(2), added(3)]);
    fault.armed = true;
    await expect(store.compact()).rejects.toThrow('disk said no');
    fault.armed = false;
    expect(await snapshotHead(idb)).toMatchObject({ lastSeq: 1 });
    const booted = await (await openDexieStore(idb)).load();
    expect(booted.products).toEqual(fold([added(1), added(2), added(3)]));
    expect(booted.lastSeq).toBe(3);
  });

  it('says the storage is full when the quota error arrives inside an abort', async () => {
    const quota = () =>
      Object.assign(new Error('Transaction aborted'), {
        name: 'AbortError',
        inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      });
    const { fault, middleware } = faultOn('events', quota);
    const store = await openDexieStore({ ...freshIndexedDB(), middleware: [middleware] });
    fault.armed = true;
    const failure = await store.append(DEFAULT_STREAM, 0, [added(1)]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ reason: 'full', sentence: says('storageFull') });
    fault.armed = false;
    expect(await store.readAfter(0)).toEqual([]);
  });
});

describe('Dexie store boot', () => {
  it('rebuilds the read model from the log when it was built by another reducer version', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1), added(2)]);
    await store.compact();
    store.close();
    const raw = new Dexie('basket', idb);
    await raw.open();
    const { products: _p, purchases: _b, ...rest } = foldLog([], 2);
    await raw.table('meta').bulkPut([
      { key: 'snapshot', reducerVersion: -1, lastSeq: 2, productParts: 0, purchaseParts: 0 },
      { key: 'model', rest },
    ]);
    raw.close();

    const booted = await (await openDexieStore(idb)).load();
    expect(booted.products).toEqual(fold([added(1), added(2)]));
    expect(booted.lastSeq).toBe(2);
    expect(await snapshotHead(idb)).toEqual({
      key: 'snapshot',
      reducerVersion: REDUCER_VERSION,
      lastSeq: 2,
      parts: { products: 1, purchases: 1 },
    });
  });

  it('boots from the saved read model and the events after it, never the whole log', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1), added(2), added(3)]);
    await expect(store.compact()).resolves.toBe(3);
    await expect(store.compact()).resolves.toBe(0);
    await store.append(DEFAULT_STREAM, 3, [added(4)]);
    store.close();

    const reads: unknown[] = [];
    const watch: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'watch-event-reads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'events') return table;
          return {
            ...table,
            query: (req) => {
              reads.push(req.query.range.lower);
              return table.query(req);
            },
            openCursor: (req) => {
              reads.push(req.query.range.lower);
              return table.openCursor(req);
            },
            count: (req) => {
              reads.push(req.query.range.lower);
              return table.count(req);
            },
          };
        },
      }),
    };
    const booted = await (await openDexieStore({ ...idb, middleware: [watch] })).load();
    expect(booted.products).toEqual(fold([added(1), added(2), added(3), added(4)]));
    expect(booted.lastSeq).toBe(4);
    // One read of the log, from just after the saved read model.
    expect(reads).toEqual([3]);
  });

  it('saves a long list in parts, and drops the parts it no longer needs', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    const adds = Array.from({ length: 2500 }, (_, i) => added(i + 1));
    await store.append(DEFAULT_STREAM, 0, adds);
    await store.compact();
    expect(await snapshotHead(idb)).toMatchObject({ parts: { products: 3, purchases: 3 } });
    const removes: BasketEvent[] = adds.slice(0, 2000).map((a, i) => ({
      ...a,
      id: `removed-${i}`,
      streamVersion: 2501 + i,
      type: 'ProductRemoved',
      v: 1,
      payload: { productId: (a as { payload: { productId: string } }).payload.productId },
    }));
    await store.append(DEFAULT_STREAM, 2500, removes);
    await store.compact();
    expect(await snapshotHead(idb)).toMatchObject({ parts: { products: 1 }, lastSeq: 4500 });
    const raw = new Dexie('basket', idb);
    await raw.open();
    const keys = await raw.table('meta').toCollection().primaryKeys();
    raw.close();
    expect(keys.filter((k) => String(k).startsWith('products/'))).toEqual(['products/0']);
    const booted = await (await openDexieStore(idb)).load();
    expect(booted.products).toEqual(fold([...adds, ...removes]));
    expect(booted.products.size).toBe(500);
  });

  it('applies events stored after the read model was last written, and only those', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    await store.compact();
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

  it('keeps an event from a newer Basket verbatim, sets it aside, and reads the rest', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    const raw = new Dexie('basket', idb);
    await raw.open();
    const future = { ...added(2), type: 'ListShared', payload: { with: 'someone' } };
    await raw.table('events').add({ ...future });

    const read = await store.catchUp(0);
    expect(read.events.map((e) => e.id)).toEqual(['event-1']);
    expect(read.unreadable).toMatchObject([{ seq: 2, reason: 'unknown', row: future }]);
    const booted = await (await openDexieStore(idb)).load();
    expect(booted.products).toEqual(fold([added(1)]));
    expect(booted.unreadable).toMatchObject([{ seq: 2, reason: 'unknown' }]);
    // Its place in the list is still taken: the next append comes after it.
    expect(booted.versions.get(DEFAULT_STREAM)).toBe(2);
    expect(await raw.table('events').where('id').equals('event-2').first()).toMatchObject(future);
    raw.close();
  });

  it('will not overwrite a read model built by a newer reducer', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    const raw = new Dexie('basket', idb);
    await raw.open();
    await raw.table('meta').put({ key: 'snapshot', reducerVersion: 99, lastSeq: 1 });

    await expect(store.load()).rejects.toMatchObject({ reason: 'outdated' });
    await expect(store.compact()).resolves.toBe(0);
    expect(await raw.table('meta').get('snapshot')).toMatchObject({ reducerVersion: 99 });
    raw.close();
  });

  it('opens a database the previous build kept rows in, and folds its log into a snapshot', async () => {
    const idb = freshIndexedDB();
    const old = new Dexie('basket', idb);
    old.version(2).stores({
      events: '++seq, &id, &[streamId+streamVersion], streamId',
      streams: 'streamId',
      products: 'productId, streamId',
      meta: 'key',
      purchases: 'key',
    });
    await old.open();
    await old.table('events').bulkAdd([{ ...added(1) }, { ...added(2) }]);
    await old.table('products').put({ productId: 'stale', streamId: DEFAULT_STREAM });
    await old.table('meta').put({ key: 'projection', reducerVersion: 6, lastAppliedSeq: 2 });
    old.close();

    const store = await openDexieStore(idb);
    expect((await store.load()).products).toEqual(fold([added(1), added(2)]));
    store.close();
    const raw = new Dexie('basket', idb);
    await raw.open();
    expect(raw.tables.map((t) => t.name).sort()).toEqual(['events', 'meta']);
    expect((await raw.table('meta').toCollection().primaryKeys()).sort()).toEqual([
      'model',
      'products/0',
      'purchases/0',
      'snapshot',
    ]);
    raw.close();
  });

  it('reads a database a newer Basket upgraded, and writes nothing into it (I7)', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    store.close();
    (await upgradedByNewerBasket(idb)).close();

    const old = await openDexieStore(idb);
    expect(old.health()).toBe('newer');
    expect((await old.load()).products.size).toBe(1);
    await expect(old.append(DEFAULT_STREAM, 1, [added(2)])).rejects.toMatchObject({
      reason: 'outdated',
      sentence: says('newerDatabase'),
    });
    expect(await old.compact()).toBe(0);
    expect((await old.exportLog()).events.map((e) => e.id)).toEqual(['event-1']);
    expect(await old.readAfter(0)).toHaveLength(1);
  });
});

describe('Dexie store imports and rebuilds are all or nothing', () => {
  it('leaves log and read model as they were when an import fails half way', async () => {
    const { fault, middleware } = faultOn('meta', () => new Error('disk said no'));
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
    await raw.table('meta').put({ key: 'snapshot', reducerVersion: 0, lastSeq: 2 });
    const before = await raw.table('meta').toArray();
    raw.close();

    // The rebuild on boot dies part way through saving the new read model.
    let writes = 0;
    const { middleware: crash } = faultOn(
      'meta',
      () => new Error('tab closed'),
      () => (writes += 1) > 1,
    );
    const crashing = await openDexieStore({ ...idb, middleware: [crash] });
    // The list still opens: the fold is used, and only saving it waits for a later boot.
    const opened = await crashing.load();
    expect([...opened.products.keys()]).toEqual(['product-1', 'product-2']);
    crashing.close();

    const check = new Dexie('basket', idb);
    await check.open();
    expect(await check.table('meta').toArray()).toEqual(before);
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
