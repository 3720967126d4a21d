import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLog, type ListState, listProjection } from '../model';
import { openDexieStore, renumbered, type EventStore } from '../store';
import { createMemoryStore } from '../store/memory-store';
import {
  decideStep,
  logStepArbitrary,
  newDevice,
  type Device,
  type LogStep,
} from '../test/arbitrary-log';
import { freshIndexedDB } from '../test/harness';
import { createSyncEngine, type SyncEngine } from './engine';
import { createMemoryServer, type MemoryConnection } from './memory-server';

/**
 * tldraw's fuzz test, for a household: 2–4 devices on one in-memory server make random changes,
 * go offline and back, have answers lost and deliveries doubled, and sync in random orders. Then
 * all of them sync until quiet: every device holds the same log, in the server's order, and the
 * same read model, equal to folding the server's log; no action a device stored is lost; none is
 * applied twice (I9, I10).
 */

type Op =
  | { op: 'act'; device: number; step: LogStep }
  | { op: 'sync'; device: number }
  | { op: 'offline' | 'online'; device: number }
  | { op: 'loseAck' | 'doublePull'; device: number };

const opArbitrary = (devices: number): fc.Arbitrary<Op> => {
  const device = fc.nat({ max: devices - 1 });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ op: fc.constant('act' as const), device, step: logStepArbitrary }),
    },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('sync' as const), device }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constantFrom('offline' as const, 'online' as const), device }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constantFrom('loseAck' as const, 'doublePull' as const),
        device,
      }),
    },
  );
};

const scenario = fc
  .integer({ min: 2, max: 4 })
  .chain((devices) =>
    fc.tuple(
      fc.constant(devices),
      fc.array(opArbitrary(devices), { minLength: 20, maxLength: 70 }),
    ),
  );

interface Phone {
  readonly me: Device;
  readonly store: EventStore<ListState>;
  readonly connection: MemoryConnection;
  readonly engine: SyncEngine;
  list: ListState;
}

/** What must be equal on every device that applied the same server log. */
const model = (s: ListState) => ({
  products: s.products,
  lists: s.lists,
  versions: s.versions,
  stacks: s.stacks,
  purchases: s.purchases,
  categories: s.categories,
});

async function play(
  devices: number,
  ops: readonly Op[],
  open: () => Promise<EventStore<ListState>>,
) {
  const server = createMemoryServer();
  const phones: Phone[] = [];
  for (let i = 0; i < devices; i += 1) {
    const store = await open();
    await store.sync.join();
    const connection = server.connect(`d${i}`);
    const engine = createSyncEngine({ store, backend: connection, deviceId: `d${i}`, batch: 3 });
    phones.push({ me: newDevice(`d${i}`), store, connection, engine, list: await store.load() });
  }
  const stored = new Set<string>();
  const round = async (phone: Phone) => {
    const done = await phone.engine.round();
    expect(done.refused).toEqual([]);
    if (done.rebased || done.added) phone.list = await phone.store.load();
    return done;
  };

  for (const op of ops) {
    const phone = phones[op.device]!;
    switch (op.op) {
      case 'act': {
        const decision = decideStep(op.step, phone.list, phone.me);
        if (!decision?.ok || decision.events.length === 0) break;
        const events = await phone.store.append(
          decision.streamId,
          decision.expectedVersion,
          decision.events,
        );
        for (const e of events) stored.add(e.id);
        phone.list = await phone.store.load();
        break;
      }
      case 'sync':
        await round(phone);
        break;
      case 'offline':
        phone.connection.setOnline(false);
        break;
      case 'online':
        phone.connection.setOnline(true);
        break;
      case 'loseAck':
        phone.connection.loseNextAck();
        break;
      case 'doublePull':
        phone.connection.duplicateNextPull();
        break;
    }
  }

  // Everyone back online, syncing until nothing moves.
  for (const phone of phones) phone.connection.setOnline(true);
  for (let pass = 0; pass < 6; pass += 1) {
    for (const phone of phones) await round(phone);
  }
  const serverLog = server.log();
  const serverEvents = serverLog.flatMap((a) => a.events);
  // Stream versions are each device's own (it numbers what it inserts): fold the server's
  // order numbered the same way.
  const expected = model(foldLog(renumbered(serverEvents, new Map())));
  for (const phone of phones) {
    expect(await phone.store.sync.pending()).toEqual([]);
    const log = await phone.store.readAfter(0);
    // The server's order, each event once.
    expect(log.map((e) => e.id)).toEqual(serverEvents.map((e) => e.id));
    expect(model(phone.list)).toEqual(expected);
    expect(model(await phone.store.load())).toEqual(expected);
  }
  // Nothing any device stored is lost, and the server holds each action once.
  const onServer = new Set(serverEvents.map((e) => e.id));
  for (const id of stored) expect(onServer.has(id)).toBe(true);
  expect(onServer.size).toBe(serverEvents.length);
  expect(new Set(serverLog.map((a) => a.actionId)).size).toBe(serverLog.length);
}

describe('household sync converges (in-memory server)', () => {
  it('property: every device ends with the server’s log and the same list, nothing lost or doubled', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, ([devices, ops]) =>
        play(devices, ops, async () => createMemoryStore(listProjection)),
      ),
      { seed: 12_005, numRuns: 150 },
    );
  }, 120_000);

  it('property: the same on IndexedDB stores, where a rebase rewrites the outbox in one transaction', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, ([devices, ops]) =>
        play(devices, ops, () => openDexieStore(freshIndexedDB())),
      ),
      { seed: 12_006, numRuns: 25 },
    );
  }, 120_000);
});
