import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM, type BasketEvent, type StoredEvent } from '../events';
import {
  applyCommitted,
  decide,
  fold,
  foldLog,
  type EventContext,
  type ListState,
  listProjection,
} from '../model';
import { add, check, stepArbitrary, type Step } from '../test/steps';
import { added } from '../test/events';
import { freshIndexedDB, testContext } from '../test/harness';
import { ConcurrencyError } from './errors';
import { openDexieStore } from './index';
import { createMemoryStore } from './memory-store';
import type { EventStore } from './types';
import { inEnglish } from '../i18n/english';

/** Each implementation, and how to open a second handle on the same data (a reload). */
const implementations: [
  string,
  () => Promise<{ store: EventStore<ListState>; reopen: () => Promise<EventStore<ListState>> }>,
][] = [
  [
    'Dexie (fake-indexeddb)',
    async () => {
      const idb = freshIndexedDB();
      return { store: await openDexieStore(idb), reopen: () => openDexieStore(idb) };
    },
  ],
  [
    'in-memory',
    async () => {
      const store = createMemoryStore(listProjection);
      return { store, reopen: async () => store };
    },
  ],
];

describe.each(implementations)('%s store', (_, open) => {
  it('appends events with increasing log positions and reads them back', async () => {
    const { store } = await open();
    const stored = await store.append(DEFAULT_STREAM, 0, [added(1), added(2)]);
    expect(stored.map((e) => e.seq)).toEqual([1, 2]);
    expect(await store.append(DEFAULT_STREAM, 2, [added(3)])).toMatchObject([{ seq: 3 }]);
    expect((await store.readAfter(1)).map((e) => e.id)).toEqual(['event-2', 'event-3']);
  });

  it('treats re-appending stored event ids as a success that writes nothing', async () => {
    const { store } = await open();
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    await expect(store.append(DEFAULT_STREAM, 0, [added(1)])).resolves.toEqual([]);
    expect(await store.readAfter(0)).toHaveLength(1);
  });

  it('refuses a stale expected version and writes nothing', async () => {
    const { store } = await open();
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    const stale = { ...added(2), streamVersion: 1 };
    await expect(store.append(DEFAULT_STREAM, 0, [stale])).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.readAfter(0)).toHaveLength(1);
    expect((await store.load()).products.size).toBe(1);
  });

  it('refuses a batch whose stream versions are not the next contiguous run', async () => {
    const { store } = await open();
    await expect(store.append(DEFAULT_STREAM, 0, [added(2)])).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await expect(store.append(DEFAULT_STREAM, 0, [added(1), added(3)])).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect(await store.readAfter(0)).toEqual([]);
  });

  it('refuses an expected version the stream has not reached, leaving no gap', async () => {
    const { store } = await open();
    await store.append(DEFAULT_STREAM, 0, [added(1)]);
    await expect(store.append(DEFAULT_STREAM, 2, [added(3)])).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect((await store.readAfter(0)).map((e) => e.streamVersion)).toEqual([1]);
  });

  it('does not let a caller change what was stored', async () => {
    const { store } = await open();
    const [stored] = await store.append(DEFAULT_STREAM, 0, [added(1, 'Milk')]);
    (stored!.payload as { name: string }).name = 'Changed';
    expect((await store.readAfter(0))[0]).toMatchObject({ payload: { name: 'Milk' } });
  });

  it('restores a backup into an empty store exactly; importing it again adds nothing', async () => {
    const { store: device } = await open();
    await play(device, testContext(), add('Milk', 2), add('Bread'), check('Bread'), add('Eggs'));
    const backup = (await device.readAfter(0)).map(withoutSeq);

    const { store: fresh } = await open();
    const first = await fresh.importEvents(backup);
    expect(first.added).toBe(4);
    expect(first.list.products).toEqual((await device.load()).products);
    const log = await fresh.readAfter(0);
    expect(log.map(withoutSeq)).toEqual(backup);

    const again = await fresh.importEvents(backup);
    expect(again.added).toBe(0);
    expect(await fresh.readAfter(0)).toEqual(log);
  });

  it('merges two devices into the same log and list, whichever imports which', async () => {
    const { store: phone } = await open();
    const { store: laptop } = await open();
    const t = Date.UTC(2026, 10, 20, 9, 0);
    await play(phone, testContext(t, 'phone'), add('Milk'), add('Tea'), check('Tea'));
    await play(laptop, testContext(t + 500, 'laptop'), add('Bread'), add('milk', 3));
    const phoneLog = (await phone.readAfter(0)).map(withoutSeq);
    const laptopLog = (await laptop.readAfter(0)).map(withoutSeq);

    await phone.importEvents(laptopLog);
    await laptop.importEvents(phoneLog);
    const a = await phone.readAfter(0);
    const b = await laptop.readAfter(0);
    expect(a.map(withoutSeq)).toEqual(b.map(withoutSeq));
    // Ordered by when each thing happened, the two devices' changes interleave.
    expect(a.map((e) => e.id)).toEqual(['phone-2', 'laptop-2', 'phone-4', 'laptop-4', 'phone-5']);
    expect(a.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    const [phoneList, laptopList] = [await phone.load(), await laptop.load()];
    expect(phoneList.products).toEqual(fold(a));
    expect(laptopList.products).toEqual(phoneList.products);
    expect(phoneList.versions.get(DEFAULT_STREAM)).toBe(5);
    // And the merged list keeps working: the next append goes on at the merged head.
    await play(phone, testContext(t + 60_000, 'phone2'), add('Jam'));
    expect((await phone.readAfter(0)).at(-1)).toMatchObject({ streamVersion: 6 });
  });

  it('refuses a backup that contradicts what is stored, and writes nothing', async () => {
    const { store } = await open();
    await store.append(DEFAULT_STREAM, 0, [added(1, 'Milk')]);
    const before = await store.readAfter(0);
    const forged = { ...added(1, 'Whisky') };
    await expect(store.importEvents([forged, added(2)])).rejects.toMatchObject({
      reason: 'conflict',
    });
    expect(await store.readAfter(0)).toEqual(before);
    expect((await store.load()).products.get('product-1')).toMatchObject({ name: 'Milk' });
  });

  it('saves what was appended into its read model once, and boots the same from it', async () => {
    const { store, reopen } = await open();
    await play(store, testContext(), add('Milk'), add('Bread'), check('Milk'));
    const folded = await store.compact();
    expect(await store.compact()).toBe(0);
    await play(store, testContext(Date.UTC(2026, 0, 2), 'later'), add('Eggs'));
    const log = await store.readAfter(0);
    const booted = await (await reopen()).load();
    expect(booted).toEqual({ ...foldLog(log), lastSeq: log.at(-1)!.seq });
    expect(booted.products.size).toBe(3);
    // The in-memory store keeps nothing to compact; IndexedDB folds the three events once.
    expect(folded).toBe(store.kind === 'memory' ? 0 : 3);
  });

  it('rebuilds the same read model it keeps incrementally', async () => {
    const { store } = await open();
    await play(store, testContext(), add('Milk'), add('Bread'), check('Milk'), add('milk', 2));
    const incremental = await store.load();
    expect(await store.rebuild()).toEqual(incremental);
  });

  it('boots from the read model, which always equals a fold of the whole log', async () => {
    // Steps a person takes, and now and then the read model saved (as Basket does when idle).
    const scriptArbitrary = fc.array(
      fc.oneof(
        { arbitrary: stepArbitrary, weight: 6 },
        { arbitrary: fc.constant('compact' as const), weight: 1 },
      ),
      { maxLength: 30 },
    );
    await fc.assert(
      fc.asyncProperty(scriptArbitrary, async (script) => {
        const { store, reopen } = await open();
        const ctx = testContext();
        let list: ListState = await store.load();
        for (const step of script) {
          if (step === 'compact') {
            await store.compact();
            continue;
          }
          const decision = decide(step(list), list, ctx);
          if (!decision.ok || decision.events.length === 0) continue;
          const stored = await store.append(
            decision.streamId,
            decision.expectedVersion,
            decision.events,
          );
          list = applyCommitted(list, stored);
        }
        const log = await store.readAfter(0);
        const booted = await (await reopen()).load();
        expect(booted.products).toEqual(fold(log));
        expect(list.products).toEqual(booted.products);
        expect(booted.stacks).toEqual(foldLog(log).stacks);
        expect(list.stacks).toEqual(booted.stacks);
        expect(booted.purchases).toEqual(foldLog(log).purchases);
        expect(booted.lists).toEqual(foldLog(log).lists);
        expect(list.lists).toEqual(booted.lists);
        expect(list.purchases).toEqual(booted.purchases);
        expect(booted.categories).toEqual(foldLog(log).categories);
        expect(list.categories).toEqual(booted.categories);
        // I3, I4, I5: positions match, ids are unique, stream versions run 1..n.
        expect(booted.lastSeq).toBe(log.at(-1)?.seq ?? 0);
        expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
        for (const [streamId, head] of booted.versions) {
          const versions = log.filter((e) => e.streamId === streamId).map((e) => e.streamVersion);
          expect(versions).toEqual(versions.map((_, i) => i + 1));
          expect(head).toBe(versions.length);
        }
      }),
      { numRuns: 40 },
    );
  });
});

const withoutSeq = ({ seq: _seq, ...event }: StoredEvent): BasketEvent => event as BasketEvent;

/** Decides and appends each step in turn, as the bus would. */
async function play(
  store: EventStore<ListState>,
  ctx: EventContext,
  ...steps: Step[]
): Promise<void> {
  let list = await store.load();
  for (const step of steps) {
    const decision = decide(step(list), list, ctx);
    if (!decision.ok) throw new Error(inEnglish(decision.message));
    list = applyCommitted(
      list,
      await store.append(decision.streamId, decision.expectedVersion, decision.events),
    );
  }
}
