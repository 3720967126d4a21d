import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { createBasket, type Basket, type ChangeFeed } from '../bus';
import { inEnglish } from '../i18n/english';
import { listProjection, type Command, type ListState } from '../model';
import { openDexieStore, type EventStore } from '../store';
import { freshIndexedDB, testContext } from '../test/harness';
import { valid } from '../test/steps';
import { startHousehold, type Household, type HouseholdStatus } from './household';
import { testInvite } from '../test/invite';
import { notKept } from './not-kept';
import { createMemoryServer, type MemoryConnection, type MemoryServer } from './memory-server';
import { SyncTooLarge, type SyncAction } from './port';

const invite = testInvite;

const add = (name: string): Command => ({
  type: 'AddProduct',
  streamId: DEFAULT_STREAM,
  ...valid(name, 1),
});
const names = (basket: Basket) => [...basket.getState().list.products.values()].map((p) => p.name);
const milkOf = (basket: Basket) =>
  [...basket.getState().list.products.values()].find((p) => p.name === 'Milk')!.productId;

interface Device {
  basket: Basket;
  store: EventStore<ListState>;
  household: Household;
  connection: MemoryConnection;
  statuses: HouseholdStatus[];
}

const opened: Device[] = [];
afterEach(async () => {
  for (const device of opened.splice(0)) {
    await device.household.stop();
    device.basket.dispose();
  }
});

/** A real Basket on fake-indexeddb, with a household session on the in-memory server. */
async function device(
  server: MemoryServer,
  name: string,
  tooLarge: (action: SyncAction) => boolean = () => false,
): Promise<Device> {
  const store = await openDexieStore({ ...freshIndexedDB(), projection: listProjection });
  const words: { grown: (() => void)[]; reset: (() => void)[] } = { grown: [], reset: [] };
  const feed: ChangeFeed = {
    listen(onGrown, onReset) {
      words.grown.push(() => onGrown());
      words.reset.push(onReset);
      return () => {};
    },
  };
  const basket = await createBasket({
    store,
    otherDevices: feed,
    ctx: testContext(Date.UTC(2026, 11, 1), name),
    compactEvery: 0,
  });
  const connection = server.connect(name);
  const household = await startHousehold({
    store,
    joined: { invite, deviceId: name, deviceName: name },
    // The in-memory server, refusing for good what `tooLarge` says (as JetStream does past its
    // largest message).
    connect: () =>
      Promise.resolve({
        ...connection,
        push: (action: SyncAction) =>
          tooLarge(action)
            ? Promise.reject(new SyncTooLarge('larger than a message may be'))
            : connection.push(action),
      }),
    door: {
      grown: () => words.grown.forEach((w) => w()),
      reset: () => words.reset.forEach((w) => w()),
    },
    current: () => basket.getState().list,
    notKept,
    notify: (sentence) => basket.announce('status', sentence),
    wakeups: { listen: () => () => {} },
    every: 60_000,
  });
  const statuses: HouseholdStatus[] = [];
  household.onStatus((s) => statuses.push(s));
  basket.committed$.subscribe(() => household.kick());
  const made = { basket, store, household, connection, statuses };
  opened.push(made);
  return made;
}

describe('a household session keeps two devices’ lists together', () => {
  it('an add on one shows on the other after a round, and both say Synced', async () => {
    const server = createMemoryServer();
    const anna = await device(server, 'anna');
    const ben = await device(server, 'ben');
    await anna.basket.dispatch(add('Milk'));
    await anna.household.round();
    await ben.household.round();
    await waitFor(() => expect(names(ben.basket)).toEqual(['Milk']));
    await waitFor(() => expect(anna.household.status()).toEqual({ state: 'synced' }));
    expect(ben.household.status()).toEqual({ state: 'synced' });
  });

  it('offline, changes wait and are counted; back online, they go and it says Synced', async () => {
    const server = createMemoryServer();
    const anna = await device(server, 'anna');
    const ben = await device(server, 'ben');
    await anna.household.round();
    anna.connection.setOnline(false);
    await anna.basket.dispatch(add('Milk'));
    await anna.basket.dispatch(add('Bread'));
    await anna.household.round();
    await waitFor(() => expect(anna.household.status()).toEqual({ state: 'offline', pending: 2 }));

    anna.connection.setOnline(true);
    await waitFor(() => expect(anna.household.status()).toEqual({ state: 'synced' }));
    await ben.household.round();
    await waitFor(() => expect(names(ben.basket).sort()).toEqual(['Bread', 'Milk']));
  });

  it('a change a rebase cannot keep is told in words, once', async () => {
    const server = createMemoryServer();
    const anna = await device(server, 'anna');
    const ben = await device(server, 'ben');
    await anna.basket.dispatch(add('Milk'));
    await anna.household.round();
    await ben.household.round();
    await waitFor(() => expect(names(ben.basket)).toEqual(['Milk']));

    anna.connection.setOnline(false);
    await ben.basket.dispatch({ type: 'RemoveProduct', productId: milkOf(ben.basket) });
    await ben.household.round();
    await anna.basket.dispatch({ type: 'CheckProduct', productId: milkOf(anna.basket) });
    await anna.household.round();
    anna.connection.setOnline(true);
    await anna.household.round();

    await waitFor(() =>
      expect(inEnglish(anna.basket.getState().notice!.text)).toBe(
        'Milk was deleted on another device, so your change to it could not be kept.',
      ),
    );
    await waitFor(() => expect(names(anna.basket)).toEqual([]));
    await waitFor(() => expect(anna.household.status()).toEqual({ state: 'synced' }));
  });

  it('an action the server will never take stays here, is told once, and holds nothing back', async () => {
    const server = createMemoryServer();
    const anna = await device(server, 'anna', (action) =>
      action.events.some((e) => e.type === 'ProductAdded' && e.payload.name === 'Huge'),
    );
    const ben = await device(server, 'ben');
    await anna.basket.dispatch(add('Huge'));
    await anna.basket.dispatch(add('Milk'));
    await anna.household.round();
    await ben.household.round();
    await waitFor(() => expect(names(ben.basket)).toEqual(['Milk']));
    expect(names(anna.basket).sort()).toEqual(['Huge', 'Milk']);
    await waitFor(() =>
      expect(inEnglish(anna.basket.getState().notice!.text)).toBe(
        'A change was too large to share with the household, so it stays on this device only (larger than a message may be).',
      ),
    );
    await waitFor(() => expect(anna.household.status()).toEqual({ state: 'synced' }));
    // Told once: later rounds find it again and say nothing more.
    anna.basket.dismissNotice();
    await anna.household.round();
    await anna.household.round();
    expect(anna.basket.getState().notice).toBeNull();
    expect(server.log().map((a) => a.events[0]!.type)).toEqual(['ProductAdded']);
  });

  it('leaving keeps the lists', async () => {
    const server = createMemoryServer();
    const anna = await device(server, 'anna');
    await anna.basket.dispatch(add('Milk'));
    await anna.household.round();
    await anna.household.leave();
    expect(await anna.store.sync.position()).toBeNull();
    expect(names(anna.basket)).toEqual(['Milk']);
  });
});
