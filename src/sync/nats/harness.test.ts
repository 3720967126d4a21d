// @vitest-environment node
/**
 * The test harness itself: a real nats-server on free loopback ports with a temporary data
 * folder, stopped, restarted and killed, losing nothing that was acknowledged.
 */
import { existsSync } from 'node:fs';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { healthy } from '../../../scripts/nats-server.mjs';
import {
  NatsServerMissing,
  startNatsHarness,
  type NatsHarness,
  type TestHousehold,
} from './harness';

let harness: NatsHarness;
let household: TestHousehold;

beforeAll(async () => {
  harness = await startNatsHarness();
  household = await harness.createHousehold('The Harness family');
}, 60_000);

afterAll(() => harness?.close());

const encode = (text: string) => new TextEncoder().encode(text);

/** Every message of the household's stream, as its browser user reads them. */
async function readAll(h: TestHousehold): Promise<string[]> {
  const nc = await harness.connectBrowser(h);
  try {
    const js = jetstream(nc);
    const { state } = await (
      await jetstreamManager(nc, { checkAPI: false })
    ).streams.info(h.stream);
    if (state.messages === 0) return [];
    const consumer = await js.consumers.get(h.stream, { filter_subjects: h.subjects });
    const read: string[] = [];
    for await (const m of await consumer.fetch({ max_messages: state.messages, expires: 5_000 })) {
      read.push(m.string());
    }
    return read;
  } finally {
    await nc.close();
  }
}

async function publish(h: TestHousehold, text: string) {
  const nc = await harness.connectBrowser(h);
  try {
    return await jetstream(nc).publish(h.subject('list'), encode(text), { msgID: text });
  } finally {
    await nc.close();
  }
}

describe('the nats-server harness', () => {
  test('runs a healthy server on loopback ports of its own, with its data in a temporary folder', async () => {
    const { port, wsPort, httpPort, dir } = harness.settings;
    expect(new Set([port, wsPort, httpPort]).size).toBe(3);
    expect(harness.natsUrl).toBe(`nats://127.0.0.1:${port}`);
    expect(harness.wsUrl).toBe(`ws://127.0.0.1:${wsPort}`);
    expect(await healthy(httpPort)).toBe(true);
    expect(existsSync(`${dir}/nats.conf`) && existsSync(`${dir}/accounts.conf`)).toBe(true);
    expect(await harness.streams()).toEqual([household.stream]);
  });

  test('stops and starts again on the same ports and data: households and messages are kept', async () => {
    await publish(household, 'before the restart');
    const { pid } = harness.server!;
    const exit = await harness.stop();
    expect(exit.signal ?? exit.code).not.toBeUndefined();
    expect(await healthy(harness.settings.httpPort)).toBe(false);

    await harness.start();
    expect(harness.server!.pid).not.toBe(pid);
    expect(await readAll(household)).toEqual(['before the restart']);
  });

  test('is killed as a crash would and comes back with everything acknowledged', async () => {
    await publish(household, 'just before the crash');
    const exit = await harness.kill();
    expect(exit.signal).toBe('SIGKILL');
    await harness.start();
    expect(await readAll(household)).toEqual(['before the restart', 'just before the crash']);
  });

  test('a removed household is gone for good once the server restarts', async () => {
    const gone = await harness.createHousehold('Soon gone');
    await harness.removeHousehold('Soon gone');
    expect(await harness.streams()).not.toContain(gone.stream);
    await harness.restart();
    expect(await harness.jetStreamAccounts()).toEqual([household.stream]);
    expect(await readAll(household)).toHaveLength(2);
  });

  test('fails, saying how to install it, when nats-server is missing', async () => {
    const missing = await startNatsHarness({ env: { NATS_SERVER: '/nowhere/nats-server' } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(missing).toBeInstanceOf(NatsServerMissing);
    expect(String(missing)).toContain('sudo apt-get install -y nats-server');
  });
});
