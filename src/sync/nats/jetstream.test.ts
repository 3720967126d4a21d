// @vitest-environment node
/**
 * The JetStream backend (src/sync/jetstream.ts) against the real nats-server 2.9.10: the sync
 * contract every backend keeps, then what only a real server can show (issue 13): the data
 * folder holds only ciphertext, a garbled message is refused and passed, the 4 MiB message limit,
 * and two devices' engines converging across a server restart.
 *
 * Households are made with the household CLI's own code; devices connect over TCP as the
 * household's browser user (exactly what its invite link holds), reconnecting by themselves.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STREAM, type BasketEvent } from '../../events';
import {
  decide,
  listProjection,
  type Command,
  type EventContext,
  type ListState,
} from '../../model';
import type { EventStore } from '../../store';
import { createMemoryStore } from '../../store/memory-store';
import { valid } from '../../test/steps';
import { action, syncContract } from '../contract';
import { createSyncEngine, type SyncEngine } from '../engine';
import {
  createJetStreamBackend,
  subjectOf,
  SyncTooLarge,
  type UnreadableAction,
} from '../jetstream';
import { SyncUnreachable, type SyncBackend } from '../port';
import { startNatsHarness, type NatsHarness, type TestHousehold } from './harness';

let harness: NatsHarness;
let connections: NatsConnection[] = [];
let backends: SyncBackend[] = [];
let made = 0;

beforeAll(async () => {
  harness = await startNatsHarness();
}, 60_000);

afterEach(async () => {
  await Promise.all(backends.map((b) => b.close()));
  await Promise.all(connections.map((nc) => nc.close()));
  [backends, connections] = [[], []];
  if (!harness.server) await harness.start(); // a test that failed with the server stopped
}, 30_000);

afterAll(() => harness?.close());

const household = () => harness.createHousehold(`Household ${(made += 1)}`);

/** A device's connection, as the app makes one: it reconnects by itself, forever, quickly. */
async function connection(h: TestHousehold): Promise<NatsConnection> {
  const nc = await harness.connectBrowser(h, {
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 100,
    reconnectJitter: 0,
    timeout: 2_000,
  });
  connections.push(nc);
  return nc;
}

async function device(
  h: TestHousehold,
  nc?: NatsConnection,
  timeout?: number,
): Promise<SyncBackend> {
  const backend = createJetStreamBackend({
    connection: nc ?? (await connection(h)),
    household: h.id,
    key: h.key,
    ...(timeout ? { timeout } : {}),
  });
  backends.push(backend);
  return backend;
}

syncContract('NATS JetStream (nats-server 2.9.10)', async () => {
  const h = await household();
  return {
    connect: () => device(h),
    cutOff: async () => void (await harness.stop()),
    restore: () => harness.start(),
  };
});

/** Every file of the server's data folder, whole. */
async function dataFolder(): Promise<Buffer> {
  const files = await readdir(harness.dir, { recursive: true, withFileTypes: true });
  const paths = files.filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
  return Buffer.concat(await Promise.all(paths.map((path) => readFile(path))));
}

/** A phone: a store that joined the household, and its sync engine over the real server. */
interface Phone {
  readonly store: EventStore<ListState>;
  readonly backend: SyncBackend;
  readonly engine: SyncEngine;
  act(command: (list: ListState) => Command): Promise<void>;
}

async function phone(h: TestHousehold, name: string, nc?: NatsConnection): Promise<Phone> {
  const store = createMemoryStore(listProjection);
  await store.sync.join();
  const backend = await device(h, nc);
  let id = 0;
  let now = Date.UTC(2026, 11, 1, 9);
  const ctx: EventContext = { now: () => (now += 1000), newId: () => `${name}-${(id += 1)}` };
  return {
    store,
    backend,
    engine: createSyncEngine({ store, backend, deviceId: name }),
    async act(command) {
      const list = await store.load();
      const decision = decide(command(list), list, ctx);
      if (!decision.ok) throw new Error(`refused: ${JSON.stringify(decision.message)}`);
      await store.append(decision.streamId, decision.expectedVersion, decision.events);
    },
  };
}

const add =
  (name: string, quantity = 1, streamId = DEFAULT_STREAM) =>
  (): Command => ({
    type: 'AddProduct',
    streamId,
    ...valid(name, quantity),
  });
const named = (list: ListState, name: string) =>
  [...list.products.values()].find((p) => p.name === name)!;

describe('the JetStream backend against the real server', () => {
  it('leaves only ciphertext in the server’s data folder: no product or list name', async () => {
    const h = await household();
    const anna = await phone(h, 'anna');
    await anna.act(() => ({ type: 'CreateList', name: valid('Cabin weekend', 1).name }));
    const cabin = [...(await anna.store.load()).lists.keys()].find((id) => id !== DEFAULT_STREAM)!;
    await anna.act(add('Zanzibar oat milk', 2, cabin));
    await anna.act(add('Quince jelly'));
    expect(await anna.engine.round()).toMatchObject({ sent: 3, complete: true, refused: [] });
    const sent = await anna.store.readAfter(0);

    await harness.stop(); // JetStream writes its blocks out as it stops
    const stored = await dataFolder();
    await harness.start();

    // The messages are there (their ids are not secret), their contents are not.
    for (const event of sent) {
      if (!event.action) expect(stored.includes(event.id)).toBe(true);
    }
    for (const secret of ['Cabin weekend', 'Zanzibar', 'oat milk', 'Quince', 'ProductAdded']) {
      expect(stored.includes(secret), secret).toBe(false);
    }
  });

  it('refuses a garbled message published with the household’s own credentials, and passes it', async () => {
    const h = await household();
    const anna = await phone(h, 'anna');
    const ben = await phone(h, 'ben');
    await anna.act(add('Milk'));
    await anna.engine.round();

    // Someone holding the household's credentials, but not its key, writes on a list's subject.
    const js = jetstream(await connection(h));
    const subject = subjectOf(h.id, DEFAULT_STREAM);
    // Random bytes behind the right version byte, so it is the seal itself that refuses them.
    const noise = Buffer.concat([Buffer.from([1]), randomBytes(300)]);
    const garbled = await js.publish(subject, noise, { msgID: 'garbled-1' });
    const unnamed = await js.publish(subject, randomBytes(40)); // no message id at all
    await anna.act(add('Bread'));
    await anna.engine.round();

    const pulled = await ben.backend.pull(0);
    expect(pulled.map((a) => a.events.length)).toEqual([1, 0, 0, 1]);
    expect(pulled[1]).toMatchObject({ serverSeq: garbled.seq, actionId: 'garbled-1', events: [] });
    expect((pulled[1] as UnreadableAction).unreadable).toMatch(/does not open/);
    expect((pulled[2] as UnreadableAction).unreadable).toMatch(/no id/);

    const round = await ben.engine.round();
    expect(round).toMatchObject({ added: 2, complete: true });
    // Each says why, in the words the person is told.
    expect(round.refused).toEqual([
      { serverSeq: garbled.seq, why: expect.stringMatching(/^the sealed message does not open/) },
      { serverSeq: unnamed.seq, why: 'a message with no id' },
    ]);
    expect((await ben.store.sync.position())?.cursor).toBe(unnamed.seq + 1);
    expect([...(await ben.store.load()).products.values()].map((p) => p.name)).toEqual([
      'Milk',
      'Bread',
    ]);
    // Told once: the cursor is past them.
    expect((await ben.engine.round()).refused).toEqual([]);
  });

  it('takes a dispatch of up to 4 MiB, and refuses a larger one clearly (not as unreachable)', async () => {
    const h = await household();
    const anna = await device(h);
    const ben = await device(h);
    // Random text does not compress much: what is sealed stays about this large.
    const big = (bytes: number) => {
      const a = action('anna');
      const event = a.events[0]!;
      const name = randomBytes(Math.ceil((bytes * 3) / 4)).toString('base64');
      const events = [{ ...event, payload: { ...event.payload, name } } as BasketEvent];
      return { ...a, events };
    };
    const fits = big(3 * 1024 * 1024);
    const { serverSeq } = await anna.push(fits);
    const [back] = await ben.pull(serverSeq - 1);
    expect(back?.events).toEqual(fits.events);

    const tooBig = big(8 * 1024 * 1024);
    const refusal = await anna.push(tooBig).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(SyncTooLarge);
    expect(refusal).not.toBeInstanceOf(SyncUnreachable);
    expect(String(refusal)).toMatch(/more than a message may be \(4194304 bytes\)/);
    // Nothing of it was stored, and the connection carries on.
    const small = action('anna');
    expect((await anna.push(small)).serverSeq).toBe(serverSeq + 1);
    expect((await ben.pull(serverSeq)).map((a) => a.actionId)).toEqual([small.actionId]);
  });

  it('two phones converge through the real server: both add, one edits offline, the server restarts', async () => {
    const h = await household();
    const anna = await phone(h, 'anna');
    const ben = await phone(h, 'ben');
    let benTold = 0;
    ben.backend.onNews(() => (benTold += 1));

    await anna.act(add('Milk', 2));
    await ben.act(add('Bread'));
    await anna.engine.round();
    await expect.poll(() => benTold, { timeout: 5_000 }).toBeGreaterThan(0);
    await ben.engine.round(); // sends Bread, takes Milk
    await anna.engine.round(); // takes Bread

    await harness.stop();
    await expect.poll(() => ben.backend.status(), { timeout: 10_000 }).toBe('offline');
    await ben.act((list) => ({ type: 'CheckProduct', productId: named(list, 'Milk').productId }));
    await anna.act(add('Eggs', 6));
    expect(await ben.engine.round()).toMatchObject({ sent: 0, complete: false });
    expect(await ben.store.sync.pending()).toHaveLength(1);

    await harness.start();
    await expect.poll(() => anna.backend.status(), { timeout: 10_000 }).toBe('online');
    await expect.poll(() => ben.backend.status(), { timeout: 10_000 }).toBe('online');
    benTold = 0;
    expect(await anna.engine.round()).toMatchObject({ sent: 1, complete: true });
    await expect.poll(() => benTold, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(await ben.engine.round()).toMatchObject({ sent: 1, added: 1, rebased: true });
    expect(await anna.engine.round()).toMatchObject({ sent: 0, added: 1, complete: true });

    for (const p of [anna, ben]) expect(await p.store.sync.pending()).toEqual([]);
    const [annaLog, benLog] = await Promise.all([anna.store.readAfter(0), ben.store.readAfter(0)]);
    expect(benLog.map((e) => e.id)).toEqual(annaLog.map((e) => e.id));
    const [annaList, benList] = await Promise.all([anna.store.load(), ben.store.load()]);
    expect(benList.products).toEqual(annaList.products);
    const shown = [...annaList.products.values()].map((p) => [p.name, p.quantity, p.checked]);
    expect(shown).toEqual([
      ['Milk', 2, true],
      ['Bread', 1, false],
      ['Eggs', 6, false],
    ]);
  });

  it('costs the server little: one reader per device, one more while it listens, none once closed', async () => {
    const h = await household();
    const consumers = async () => {
      const nc = await harness.connectAdmin(h);
      try {
        const jsm = await jetstreamManager(nc);
        return (await jsm.consumers.list(h.stream).next()).map(
          (c) => c.config.headers_only === true,
        );
      } finally {
        await nc.close();
      }
    };
    const annaConnection = await connection(h);
    const anna = await phone(h, 'anna', annaConnection);
    const ben = await phone(h, 'ben');
    let told = 0;
    anna.backend.onNews(() => (told += 1));
    for (let i = 0; i < 5; i += 1) {
      await ben.act(add(`Thing ${i}`));
      await ben.engine.round();
      await expect.poll(() => told).toBe(i + 1);
      expect(await anna.engine.round()).toMatchObject({ added: 1, complete: true });
    }
    // Anna: her reader and her news (headers only); Ben: his reader.
    expect((await consumers()).sort()).toEqual([false, false, true]);

    // A pull at the end of the stream is one request (how many are pending), not a fetch that
    // waits to expire.
    const cursor = (await anna.store.sync.position())!.cursor;
    const before = annaConnection.stats().outMsgs;
    const started = performance.now();
    expect(await anna.backend.pull(cursor)).toEqual([]);
    expect(annaConnection.stats().outMsgs - before).toBe(1);
    expect(performance.now() - started).toBeLessThan(500);

    await Promise.all([anna.backend.close(), ben.backend.close()]);
    expect(await consumers()).toEqual([]);
  });

  it('a server that stops answering: push and pull reject as unreachable at their timeout, and the retry is kept once', async () => {
    const h = await household();
    const anna = await device(h, undefined, 500);
    const first = await anna.push(action('anna'));
    const pid = harness.server!.pid;
    const late = action('anna');
    process.kill(pid, 'SIGSTOP'); // the socket stays open: only the answers stop
    try {
      const started = performance.now();
      await expect(anna.push(late)).rejects.toBeInstanceOf(SyncUnreachable);
      await expect(anna.pull(0)).rejects.toBeInstanceOf(SyncUnreachable);
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    // The client had sent the push; the server kept it when it woke. The retry adds nothing.
    await expect
      .poll(async () => (await anna.pull(first.serverSeq)).map((a) => a.actionId))
      .toEqual([late.actionId]);
    expect(await anna.push(late)).toEqual({ serverSeq: first.serverSeq + 1, duplicate: true });
  });

  it('makes its reader again when the server has dropped it (idle, or lost in a restart)', async () => {
    const h = await household();
    const anna = await device(h);
    const one = await anna.push(action('anna'));
    expect(await anna.pull(0)).toHaveLength(1);
    const nc = await harness.connectAdmin(h);
    try {
      const jsm = await jetstreamManager(nc);
      for (const c of await jsm.consumers.list(h.stream).next()) {
        await jsm.consumers.delete(h.stream, c.name);
      }
    } finally {
      await nc.close();
    }
    const two = action('anna');
    await anna.push(two);
    expect((await anna.pull(one.serverSeq)).map((a) => a.actionId)).toEqual([two.actionId]);
  });
});
