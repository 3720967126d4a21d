import { waitFor } from '@testing-library/react';
import { type ListState } from '../model';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_STREAM, type StoredEvent } from '../events';
import { says } from '../events/sentence';
import { inEnglish } from '../i18n/english';
import type { BasketState, Command } from '../model';
import { openDexieStore, storageErrorFrom, type EventStore } from '../store';
import { faultOn } from '../store/faults';
import { freshIndexedDB } from '../test/harness';
import { valid } from '../test/steps';
import { createBasket } from './basket';
import type { ChangeFeed } from './catch-up';
import { broadcastCrossTab } from './cross-tab';

const add = (name: string, quantity = 1): Command => ({
  type: 'AddProduct',
  streamId: DEFAULT_STREAM,
  ...valid(name, quantity),
});
const products = (basket: { getState(): BasketState }) => [
  ...basket.getState().list.products.values(),
];
const said = (basket: { getState(): BasketState }) => {
  const notice = basket.getState().notice;
  return notice && { kind: notice.kind, text: inEnglish(notice.text) };
};

/** The real store; what the bus asks of it is counted, and what each save folded is recorded. */
function watched(store: EventStore<ListState>) {
  const asked = { appends: 0, reads: 0, saves: [] as number[] };
  const counted: EventStore<ListState> = {
    ...store,
    append: (...args) => {
      asked.appends += 1;
      return store.append(...args);
    },
    readAfter: (seq) => {
      asked.reads += 1;
      return store.readAfter(seq);
    },
    catchUp: (seq) => {
      asked.reads += 1;
      return store.catchUp(seq);
    },
    compact: async () => {
      const folded = await store.compact();
      asked.saves.push(folded);
      return folded;
    },
  };
  return { store: counted, asked };
}

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

  it('resolves a dispatch only once its events and its notice are in the state', async () => {
    const basket = await createBasket({ store: await openDexieStore(freshIndexedDB()) });
    const outcome = await basket.dispatch(add('Bread'));
    expect(outcome.ok).toBe(true);
    expect(products(basket)).toMatchObject([{ name: 'Bread' }]);
    expect(said(basket)).toEqual({ kind: 'status', text: 'Added Bread.' });
    basket.dispose();
  });

  it('writes one append per dispatch and reads nothing more', async () => {
    // Given a basket on the real store, with what the bus asks of it counted,
    const { store, asked } = watched(await openDexieStore(freshIndexedDB()));
    const basket = await createBasket({ store });
    // when a person adds three things, one after another,
    for (const name of ['Milk', 'Bread', 'Eggs']) await basket.dispatch(add(name));
    // then each was one write, and not one read was made for them.
    expect(asked).toMatchObject({ appends: 3, reads: 0 });
    expect(products(basket)).toHaveLength(3);
    basket.dispose();
  });

  it('keeps transient search text out of the log', async () => {
    const idb = freshIndexedDB();
    const basket = await createBasket({ store: await openDexieStore(idb) });
    basket.search('mil');
    expect(basket.getState().search).toBe('mil');
    expect(await basket.readLog()).toEqual([]);
    const later = await createBasket({ store: await openDexieStore(idb) });
    expect(later.getState().search).toBe('');
    basket.dispose();
    later.dispose();
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
    // A makes a second list; B, not told, adds to the first: no conflict, but a gap in B's log.
    await tabA.dispatch({ type: 'CreateList', name: valid('Weekend', 1).name });
    const outcome = await tabB.dispatch(add('Milk'));
    expect(outcome).toMatchObject({ ok: true, events: [{ seq: 2 }] });
    const lists = [...tabB.getState().list.lists.values()].map((l) => l.name);
    expect(lists).toEqual(['Weekend']);
    expect(tabB.getState().list.lastSeq).toBe(2);
    tabA.dispose();
    tabB.dispose();
  });

  it('saves the read model once enough has committed, and when the page is hidden', async () => {
    // Given a basket that saves every 2 events, and what each save folded recorded,
    const idb = freshIndexedDB();
    const { store, asked } = watched(await openDexieStore(idb));
    let hide = () => {};
    const basket = await createBasket({
      store,
      compactEvery: 2,
      whenIdle: (work) => work(),
      onHidden: (listener) => {
        hide = listener;
        return () => {};
      },
    });
    // (once after boot, for what an earlier visit left: nothing here)
    await waitFor(() => expect(asked.saves).toEqual([0]));
    // when Milk is added, nothing is saved yet;
    await basket.dispatch(add('Milk'));
    expect(asked.saves).toEqual([0]);
    // with Bread, the two are saved;
    await basket.dispatch(add('Bread'));
    await waitFor(() => expect(asked.saves).toEqual([0, 2]));
    // Eggs alone waits, until the page is hidden.
    await basket.dispatch(add('Eggs'));
    expect(asked.saves).toEqual([0, 2]);
    hide();
    await waitFor(() => expect(asked.saves).toEqual([0, 2, 1]));
    // And whoever opens the store next finds the same list.
    const next = await createBasket({ store: await openDexieStore(idb) });
    expect(next.getState().list.products).toEqual(basket.getState().list.products);
    basket.dispose();
    next.dispose();
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
    expect(said(basket)).toEqual({ kind: 'status', text: 'Added Milk.' });
    const next = await createBasket({ store: await openDexieStore(idb) });
    expect(products(next)).toMatchObject([{ name: 'Milk' }]);
    warn.mockRestore();
    basket.dispose();
    next.dispose();
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
    expect(said(basket)).toMatchObject({ kind: 'alert' });
    basket.dispose();
  });
});

describe('jobs that are not commands', () => {
  it('answers an import once the merged list and what it says are in the state', async () => {
    // Given a backup with Milk in it, from another device,
    const elsewhere = await createBasket({ store: await openDexieStore(freshIndexedDB()) });
    await elsewhere.dispatch(add('Milk'));
    const { file } = await elsewhere.exportBackup();
    const here = await createBasket({ store: await openDexieStore(freshIndexedDB()) });
    // when it is imported here, then by the time the import answers, Milk is on the list and
    // the person is told.
    const outcome = await here.importBackup(new Blob([JSON.stringify(file)]));
    expect(outcome.ok).toBe(true);
    expect(products(here)).toMatchObject([{ name: 'Milk' }]);
    expect(said(here)).toEqual({ kind: 'status', text: inEnglish(outcome.message) });
    elsewhere.dispose();
    here.dispose();
  });

  it('a failed export is told to the person, and rejects with what they were told', async () => {
    const real = await openDexieStore(freshIndexedDB());
    const store: EventStore<ListState> = {
      ...real,
      exportLog: () => Promise.reject(storageErrorFrom(new Error('disk said no'))),
    };
    const basket = await createBasket({ store });
    const told = says('notSaved', { detail: 'disk said no' });
    await expect(basket.exportBackup()).rejects.toMatchObject({ sentence: told });
    expect(said(basket)).toEqual({ kind: 'alert', text: inEnglish(told) });
    basket.dispose();
  });
});

describe('another source of committed changes (the door household sync will use)', () => {
  it('folds what it says was stored, once each, and reloads when it says the log was reordered', async () => {
    // Given a basket told of another device's events by a feed, and those events, written to
    // the same store (here by another basket, as household sync would store them),
    const idb = freshIndexedDB();
    let grown: (lastSeq?: number) => void = () => {};
    let reordered = () => {};
    const feed: ChangeFeed = {
      listen(onGrown, onReset) {
        grown = onGrown;
        reordered = onReset;
        return () => {};
      },
    };
    const { store, asked } = watched(await openDexieStore(idb));
    const here = await createBasket({ store, otherDevices: feed });
    const seen: number[] = [];
    const sub = here.committed$.subscribe((batch) => seen.push(...batch.map((e) => e.seq)));
    const device = await createBasket({ store: await openDexieStore(idb) });
    await device.dispatch(add('Milk'));

    // when the feed says the log grew, twice over,
    grown(1);
    await waitFor(() => expect(products(here)).toMatchObject([{ name: 'Milk' }]));
    grown(1);
    await here.readLog();
    // then Milk arrived once, read once;
    expect(seen).toEqual([1]);
    expect(asked.reads).toBe(2); // the catch-up, and readLog itself

    // and when it says the log was reordered, the list is read again as a whole.
    await device.dispatch(add('Bread'));
    reordered();
    await waitFor(() => expect(products(here)).toHaveLength(2));
    sub.unsubscribe();
    here.dispose();
    device.dispose();
  });
});

describe('a tab left behind by a newer Basket', () => {
  it('stops writing and says Basket was updated once a newer build wrote to the log', async () => {
    const idb = freshIndexedDB();
    const basket = await createBasket({ store: await openDexieStore(idb) });
    await basket.dispatch(add('Milk'));
    // Given a newer build wrote a row of a type this one does not know (no API of this build
    // can, so it is written as that build would have),
    const [written] = await basket.readLog();
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
    // The newer build's row is set aside, kept as it was, and goes into every export.
    expect(basket.getState().list.unreadable).toMatchObject([{ seq: 2, reason: 'unknown' }]);
    const { file } = await basket.exportBackup();
    expect(file.unreadable).toMatchObject([{ id: 'from-the-future', type: 'ListShared' }]);
    expect(products(basket)).toMatchObject([{ name: 'Milk' }]);
    basket.dispose();
  });
});
