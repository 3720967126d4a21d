import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM, type BasketEvent } from '../events';
import { added } from '../test/events';
import { freshIndexedDB } from '../test/harness';
import { openDexieStore } from './dexie-store';
import { faultOn } from './faults';

const theirs = (n: number, serverSeq: number) => {
  const event = {
    ...added(n, `Theirs ${n}`),
    id: `theirs-${n}`,
    payload: { productId: `t-${n}`, name: `Theirs ${n}`, quantity: 1, unit: null },
  } as BasketEvent;
  return { serverSeq, actionId: event.id, events: [event] };
};

describe('the sync log: the server’s order, then this device’s outbox', () => {
  it('keeps what waits to be sent across a reload, and sends nothing for a device that never joined', async () => {
    const idb = freshIndexedDB();
    const lone = await openDexieStore(idb);
    await lone.append(DEFAULT_STREAM, 0, [added(1)]);
    expect(await lone.sync.position()).toBeNull();
    expect(await lone.sync.pending()).toEqual([]);
    await lone.sync.join();
    await lone.append(DEFAULT_STREAM, 1, [added(2)]);
    lone.close();

    const again = await openDexieStore(idb);
    expect((await again.sync.pending()).map((p) => p.actionId)).toEqual(['event-1', 'event-2']);
    expect(await again.sync.position()).toEqual({ cursor: 0, confirmedSeq: 0 });
  });

  it('moves its outbox after another device’s action that the server put first, in one step', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    await store.sync.join();
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    const applied = await store.sync.applyServer([theirs(9, 1)]);
    expect(applied).toEqual({ cursor: 1, added: 1, rebased: true });
    const log = await store.readAfter(0);
    expect(log.map((e) => [e.id, e.streamVersion])).toEqual([
      ['theirs-9', 1],
      ['event-1', 2],
    ]);
    expect((await store.sync.pending()).map((p) => p.actionId)).toEqual(['event-1']);
    // Its own action, confirmed in the order it was made, leaves the log as it is.
    expect(
      await store.sync.applyServer([{ serverSeq: 2, actionId: 'event-1', events: [added(1)] }]),
    ).toEqual({
      cursor: 2,
      added: 0,
      rebased: false,
    });
    expect(await store.sync.pending()).toEqual([]);
    const booted = await (await openDexieStore(idb)).load();
    expect([...booted.products.values()].map((p) => p.name)).toEqual(['Theirs 9', 'Product 1']);
  });

  it('applies an action delivered twice once, and a failed write moves neither log nor cursor', async () => {
    const idb = freshIndexedDB();
    const { fault, middleware } = faultOn('events', () => new Error('disk said no'));
    const store = await openDexieStore({ ...idb, middleware: [middleware] });
    await store.sync.join();
    fault.armed = true;
    await expect(store.sync.applyServer([theirs(1, 1)])).rejects.toThrow('disk said no');
    fault.armed = false;
    expect(await store.sync.position()).toEqual({ cursor: 0, confirmedSeq: 0 });
    expect(await store.readAfter(0)).toEqual([]);

    await store.sync.applyServer([theirs(1, 1), theirs(1, 1)]);
    // The same action again at a later position (its dedupe window had passed on the server).
    await store.sync.applyServer([{ ...theirs(1, 2) }]);
    expect((await store.readAfter(0)).map((e) => e.id)).toEqual(['theirs-1']);
    expect(await store.sync.position()).toEqual({ cursor: 2, confirmedSeq: 1 });
  });
});
