// @vitest-environment node
/**
 * The browser's way to a household, end to end: two Baskets (fake-indexeddb) each run a household
 * session over `connectNats` (src/sync/nats-backend.ts: `wsconnect` with the invite's seed, its
 * inbox prefix, JetStream, sealed bodies), through jsdom's WebSocket, against the real nats-server.
 * Node 20 has no WebSocket of its own, and jsdom's other globals are of another realm than the
 * NATS client's, so the suite runs in Node with only jsdom's WebSocket lent to it.
 */
// @ts-expect-error -- jsdom ships no types, and only its WebSocket is used here
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBasket, type Basket, type ChangeFeed } from '../../bus';
import { DEFAULT_STREAM } from '../../events';
import { listProjection } from '../../model';
import { openDexieStore } from '../../store';
import { freshIndexedDB, testContext } from '../../test/harness';
import { valid } from '../../test/steps';
import { startHousehold, type Household } from '../household';
import { decodeInvite, type Invite } from '../invite';
import { connectNats } from '../nats-backend';
import { notKept } from '../not-kept';
import { startNatsHarness, type NatsHarness } from './harness';

let harness: NatsHarness;
let invite: Invite;
const opened: { basket: Basket; household: Household }[] = [];

beforeAll(async () => {
  const dom = new JSDOM('', { url: 'http://localhost/' }) as { window: { WebSocket: unknown } };
  globalThis.WebSocket ??= dom.window.WebSocket as typeof WebSocket;
  harness = await startNatsHarness();
  const made = await harness.createHousehold('Smith family');
  const reading = decodeInvite(made.link);
  if (!reading.ok) throw new Error(`the CLI's link does not read: ${reading.problem}`);
  invite = { ...reading.invite, server: harness.wsUrl };
}, 60_000);

afterAll(async () => {
  for (const { basket, household } of opened) {
    await household.stop();
    basket.dispose();
  }
  await harness?.close();
});

async function device(name: string) {
  const store = await openDexieStore({ ...freshIndexedDB(), projection: listProjection });
  let grown = () => {};
  const feed: ChangeFeed = {
    listen(onGrown) {
      grown = () => onGrown();
      return () => {};
    },
  };
  const basket = await createBasket({
    store,
    otherDevices: feed,
    ctx: testContext(Date.UTC(2026, 11, 1), name),
    compactEvery: 0,
  });
  const household = await startHousehold({
    store,
    joined: { invite, deviceId: name, deviceName: name },
    connect: (of) => connectNats(of),
    door: { grown: () => grown(), reset: () => grown() },
    current: () => basket.getState().list,
    notKept,
    notify: (sentence) => basket.announce('status', sentence),
    wakeups: { listen: () => () => {} },
  });
  basket.committed$.subscribe(() => household.kick());
  opened.push({ basket, household });
  return { basket, household };
}

const names = (basket: Basket) => [...basket.getState().list.products.values()].map((p) => p.name);

describe('a household over NATS, as the browser reaches it', () => {
  it('an add on one device shows on the other, and both say Synced', async () => {
    const anna = await device('anna');
    const ben = await device('ben');
    await anna.basket.dispatch({
      type: 'AddProduct',
      streamId: DEFAULT_STREAM,
      ...valid('Milk', 1),
    });
    await vi.waitFor(() => expect(names(ben.basket)).toEqual(['Milk']), { timeout: 10_000 });
    await vi.waitFor(() => expect(anna.household.status()).toEqual({ state: 'synced' }), {
      timeout: 10_000,
    });
    await vi.waitFor(() => expect(ben.household.status()).toEqual({ state: 'synced' }), {
      timeout: 10_000,
    });
  }, 30_000);

  it('with the server down, the change waits and is counted; once it is back, it goes', async () => {
    const [anna, ben] = opened;
    await harness.stop();
    await anna!.basket.dispatch({
      type: 'AddProduct',
      streamId: DEFAULT_STREAM,
      ...valid('Bread', 1),
    });
    await vi.waitFor(
      () => expect(anna!.household.status()).toEqual({ state: 'offline', pending: 1 }),
      { timeout: 15_000 },
    );
    await harness.start();
    await vi.waitFor(() => expect(names(ben!.basket).sort()).toEqual(['Bread', 'Milk']), {
      timeout: 20_000,
    });
    await vi.waitFor(() => expect(anna!.household.status()).toEqual({ state: 'synced' }), {
      timeout: 10_000,
    });
  }, 60_000);
});
