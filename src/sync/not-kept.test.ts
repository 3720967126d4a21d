import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { inEnglish } from '../i18n/english';
import { decide, type Command, type ListState, listProjection } from '../model';
import { type EventStore } from '../store';
import { createMemoryStore } from '../store/memory-store';
import { testContext } from '../test/harness';
import { valid } from '../test/steps';
import { createSyncEngine } from './engine';
import { createMemoryServer } from './memory-server';
import { notKept } from './not-kept';

async function act(
  store: EventStore<ListState>,
  prefix: string,
  command: (list: ListState) => Command,
) {
  const list = await store.load();
  const decision = decide(command(list), list, testContext(Date.UTC(2026, 11, 1), prefix));
  if (!decision.ok) throw new Error(inEnglish(decision.message));
  await store.append(decision.streamId, decision.expectedVersion, decision.events);
}

const milkIn = (list: ListState) => [...list.products.values()].find((p) => p.name === 'Milk')!;

/** Anna's and Ben's devices, each joined to one in-memory household server, with its engine. */
async function household() {
  const server = createMemoryServer();
  const device = async (name: string) => {
    const store = createMemoryStore(listProjection);
    await store.sync.join();
    const engine = createSyncEngine({ store, backend: server.connect(name), deviceId: name });
    return { store, engine };
  };
  const [a, b] = await Promise.all([device('anna'), device('ben')]);
  return { anna: a.store, annaSync: a.engine, ben: b.store, benSync: b.engine };
}

describe('a change made apart that a rebase cannot keep is told in words', () => {
  it('Anna checks Milk off offline while Ben deletes it: Anna is told, and both agree', async () => {
    const { anna, annaSync, ben, benSync } = await household();
    await act(anna, 'a', () => ({
      type: 'AddProduct',
      streamId: DEFAULT_STREAM,
      ...valid('Milk', 2),
    }));
    await annaSync.round();
    await benSync.round();

    await act(ben, 'b', (list) => ({ type: 'RemoveProduct', productId: milkIn(list).productId }));
    await benSync.round();
    await act(anna, 'a2', (list) => ({ type: 'CheckProduct', productId: milkIn(list).productId }));
    const before = await anna.load();
    const pending = await anna.sync.pending();
    const round = await annaSync.round();
    expect(round.rebased).toBe(true);
    const after = await anna.load();

    expect(notKept(before, after, pending).map(inEnglish)).toEqual([
      'Milk was deleted on another device, so your change to it could not be kept.',
    ]);
    await benSync.round();
    expect(after.products).toEqual((await ben.load()).products);
    expect(after.products.size).toBe(0);
  });

  it('says nothing when the change survives the rebase', async () => {
    const { anna, annaSync, ben, benSync } = await household();
    await act(anna, 'a', () => ({
      type: 'AddProduct',
      streamId: DEFAULT_STREAM,
      ...valid('Milk', 1),
    }));
    await act(ben, 'b', () => ({
      type: 'AddProduct',
      streamId: DEFAULT_STREAM,
      ...valid('Tea', 1),
    }));
    await benSync.round();
    const before = await anna.load();
    const pending = await anna.sync.pending();
    await annaSync.round();
    expect(notKept(before, await anna.load(), pending)).toEqual([]);
  });

  it('says nothing when both add Milk apart: the second add joins the first one’s row', async () => {
    const { anna, annaSync, ben, benSync } = await household();
    await act(ben, 'b', () => ({
      type: 'AddProduct',
      streamId: DEFAULT_STREAM,
      ...valid('Milk', 1),
    }));
    await benSync.round();
    await act(anna, 'a', () => ({
      type: 'AddProduct',
      streamId: DEFAULT_STREAM,
      ...valid('Milk', 3),
    }));
    const before = await anna.load();
    const pending = await anna.sync.pending();
    await annaSync.round();
    const after = await anna.load();
    expect(notKept(before, after, pending)).toEqual([]);
    expect([...after.products.values()].map((p) => [p.name, p.quantity])).toEqual([['Milk', 3]]);
  });
});
