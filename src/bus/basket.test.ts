import { waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_STREAM, parseProductInput, type StoredEvent } from '../events';
import type { Command } from '../model';
import { openDexieStore } from '../store';
import { faultOn } from '../store/faults';
import { freshIndexedDB } from '../test/harness';
import { createBasket } from './basket';
import { broadcastCrossTab } from './cross-tab';
import { inEnglish } from '../i18n/english';

const add = (name: string, quantity = 1): Command => {
  const parsed = parseProductInput(name, quantity);
  if (!parsed.ok) throw new Error('invalid');
  return { type: 'AddProduct', streamId: DEFAULT_STREAM, ...parsed.value };
};
const products = (basket: { getState(): { list: { products: ReadonlyMap<string, unknown> } } }) => [
  ...basket.getState().list.products.values(),
];

describe('the bus', () => {
  it('decides each dispatch against every commit before it: two quick adds make one row', async () => {
    const basket = await createBasket({ store: await openDexieStore(freshIndexedDB()) });
    const [first, second] = await Promise.all([
      basket.dispatch(add('Milk')),
      basket.dispatch(add('milk')),
    ]);
    expect(first.ok && second.ok).toBe(true);
    expect(products(basket)).toMatchObject([{ name: 'Milk', quantity: 2 }]);
    basket.dispose();
  });

  it('resolves a dispatch only once its events are in the state', async () => {
    const basket = await createBasket({ store: await openDexieStore(freshIndexedDB()) });
    const outcome = await basket.dispatch(add('Bread'));
    expect(outcome.ok).toBe(true);
    expect(products(basket)).toMatchObject([{ name: 'Bread' }]);
    expect(basket.getState().notice).toMatchObject({ kind: 'status' });
    expect(inEnglish(basket.getState().notice!.text)).toBe('Added Bread.');
    basket.dispose();
  });

  it('keeps transient search text out of the log', async () => {
    const store = await openDexieStore(freshIndexedDB());
    const basket = await createBasket({ store });
    basket.search('mil');
    expect(basket.getState().search).toBe('mil');
    expect(await store.readAfter(0)).toEqual([]);
    basket.dispose();
  });

  it('decides again after another tab wrote first, instead of losing either change', async () => {
    const idb = freshIndexedDB();
    const tabA = await createBasket({ store: await openDexieStore(idb) });
    const tabB = await createBasket({ store: await openDexieStore(idb) });
    await tabA.dispatch(add('Milk'));
    // Tab B has not heard of A's commit: its append is stale, is refused, and is decided again.
    const outcome = await tabB.dispatch(add('MILK', 2));
    expect(outcome.ok).toBe(true);
    expect(products(tabB)).toMatchObject([{ name: 'Milk', quantity: 3 }]);
    tabA.dispose();
    tabB.dispose();
  });

  it('folds in what another tab committed just before its own commit, skipping nothing', async () => {
    const idb = freshIndexedDB();
    const tabA = await createBasket({ store: await openDexieStore(idb) });
    const tabB = await createBasket({ store: await openDexieStore(idb) });
    const name = parseProductInput('Weekend', 1);
    if (!name.ok) throw new Error('invalid');
    // A makes a second list; B, not told, adds to the first: no conflict, but a gap in B's log.
    await tabA.dispatch({ type: 'CreateList', name: name.value.name });
    const outcome = await tabB.dispatch(add('Milk'));
    expect(outcome).toMatchObject({ ok: true, events: [{ seq: 2 }] });
    const lists = [...tabB.getState().list.lists.values()].map((l) => l.name);
    expect(lists).toEqual(['Weekend']);
    expect(tabB.getState().list.lastSeq).toBe(2);
    tabA.dispose();
    tabB.dispose();
  });

  it('saves the read model once enough has committed, and when the page is hidden', async () => {
    const idb = freshIndexedDB();
    let hide = () => {};
    const basket = await createBasket({
      store: await openDexieStore(idb),
      compactEvery: 2,
      whenIdle: (work) => work(),
      onHidden: (listener) => {
        hide = listener;
        return () => {};
      },
    });
    const savedUpTo = async () => {
      const raw = new Dexie('basket', idb);
      await raw.open();
      const head = (await raw.table('meta').get('snapshot')) as { lastSeq: number } | undefined;
      raw.close();
      return head?.lastSeq ?? 0;
    };
    await basket.dispatch(add('Milk'));
    expect(await savedUpTo()).toBe(0);
    await basket.dispatch(add('Bread'));
    await waitFor(async () => expect(await savedUpTo()).toBe(2));
    await basket.dispatch(add('Eggs'));
    expect(await savedUpTo()).toBe(2);
    hide();
    await waitFor(async () => expect(await savedUpTo()).toBe(3));
    const booted = await (await openDexieStore(idb)).load();
    expect(booted.products).toEqual(basket.getState().list.products);
    basket.dispose();
  });

  it('logs a failed save of the read model, alarms no one, and loses nothing', async () => {
    const idb = freshIndexedDB();
    const { middleware: metaFails } = faultOn(
      'meta',
      () => new Error('disk said no'),
      () => true,
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const basket = await createBasket({
      store: await openDexieStore({ ...idb, middleware: [metaFails] }),
      compactEvery: 1,
      whenIdle: (work) => work(),
    });
    await basket.dispatch(add('Milk'));
    await waitFor(() => expect(warn).toHaveBeenCalled());
    expect(String(warn.mock.calls[0]![1])).toContain('disk said no');
    expect(basket.getState().notice).toMatchObject({ kind: 'status' });
    expect((await (await openDexieStore(idb)).load()).products.size).toBe(1);
    warn.mockRestore();
    basket.dispose();
  });

  it('shows a commit from another tab, applied exactly once', async () => {
    const idb = freshIndexedDB();
    const channel = `basket-test-${Math.random()}`;
    const tabA = await createBasket({
      store: await openDexieStore(idb),
      crossTab: broadcastCrossTab(channel),
    });
    const tabB = await createBasket({
      store: await openDexieStore(idb),
      crossTab: broadcastCrossTab(channel),
    });
    const seenByB: StoredEvent[] = [];
    const sub = tabB.committed$.subscribe((batch) => seenByB.push(...batch));

    await tabA.dispatch(add('Eggs', 6));
    await waitFor(() => expect(products(tabB)).toMatchObject([{ name: 'Eggs', quantity: 6 }]), {
      timeout: 1000,
    });
    tabB.catchUp();
    await tabA.dispatch(add('Jam'));
    await waitFor(() => expect(products(tabB)).toHaveLength(2), { timeout: 1000 });
    expect(seenByB.map((e) => e.seq)).toEqual([1, 2]);
    sub.unsubscribe();
    tabA.dispose();
    tabB.dispose();
  });

  it('leaves state and log unchanged and says why when the store fails', async () => {
    const store = await openDexieStore(freshIndexedDB());
    const basket = await createBasket({ store });
    store.close();
    const outcome = await basket.dispatch(add('Milk'));
    expect(outcome).toMatchObject({ ok: false });
    expect(products(basket)).toEqual([]);
    expect(basket.getState().notice).toMatchObject({ kind: 'alert' });
    basket.dispose();
  });
});

describe('a tab left behind by a newer Basket', () => {
  it('stops writing and says Basket was updated once a newer build wrote to the log', async () => {
    const idb = freshIndexedDB();
    const store = await openDexieStore(idb);
    const basket = await createBasket({ store });
    await basket.dispatch(add('Milk'));
    const newer = await openDexieStore(idb);
    const [written] = await newer.readAfter(0);
    const raw = new Dexie('basket', idb);
    await raw.open();
    await raw.table('events').add({
      ...written,
      id: 'from-the-future',
      seq: undefined,
      streamVersion: 2,
      type: 'ListShared',
    });
    raw.close();

    basket.catchUp();
    await waitFor(() => expect(basket.getState().storage).toBe('outdated'));
    const outcome = await basket.dispatch(add('Bread'));
    expect(!outcome.ok && inEnglish(outcome.message)).toBe(
      'Basket was updated — reload this page to keep saving.',
    );
    // The newer build's event is kept as it was, and goes into every export.
    expect((await store.catchUp(0)).unreadable).toMatchObject([
      { reason: 'unknown', row: { id: 'from-the-future', type: 'ListShared' } },
    ]);
    expect((await store.exportLog()).unreadable).toMatchObject([{ id: 'from-the-future' }]);
    expect(products(basket)).toMatchObject([{ name: 'Milk' }]);
    basket.dispose();
  });
});
