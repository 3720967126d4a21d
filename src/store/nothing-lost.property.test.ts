import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  actionOf,
  DEFAULT_STREAM,
  readEvent,
  TIME_MAX,
  TIME_MIN,
  type BasketEvent,
  type StoredEvent,
} from '../events';
import {
  applyCommitted,
  decide,
  emptyList,
  foldLog,
  type Command,
  type Decision,
  type ListState,
  listProjection,
} from '../model';
import {
  clockStepArbitrary,
  contextFor,
  decideStep,
  logStepArbitrary,
  newDevice,
  playSteps,
  type Device,
  type LogStep,
} from '../test/arbitrary-log';
import { freshIndexedDB } from '../test/harness';
import { backupOf, parseBackup } from './backup-file';
import { openDexieStore } from './index';
import { createMemoryStore } from './memory-store';
import type { EventStore } from './types';

/** A step of a script: a person's step, or the app saving its read model, or a reload. */
type ScriptStep = LogStep | { readonly app: 'compact' | 'reload' };

const scriptArbitrary = (maxLength: number) =>
  fc.array(
    fc.oneof(
      { weight: 8, arbitrary: logStepArbitrary as fc.Arbitrary<ScriptStep> },
      { weight: 1, arbitrary: fc.constant<ScriptStep>({ app: 'compact' }) },
      { weight: 1, arbitrary: fc.constant<ScriptStep>({ app: 'reload' }) },
    ),
    { minLength: Math.floor(maxLength / 5), maxLength, size: 'max' },
  );

const chunk = fc.integer({ min: 1, max: 20 });

/** `NOTHING_LOST_RUNS=10 npx vitest run src/store/nothing-lost…` searches ten times as far. */
const RUNS = Number(process.env.NOTHING_LOST_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * RUNS));

/**
 * Everything a read model holds that must not depend on how it was built: rows, lists, undo and
 * redo stacks (ids, labels, drafts and purchase effects), purchase history, category choices,
 * stream heads, the latest time, how many events there are, and rows set aside. Not here:
 * `lastSeq`, a position in one device's log, compared only between stores that hold the log at
 * the same positions (1..n on every store that was only appended to, or imported into empty).
 * `size` is how much a backup of the log holds, so it must not depend on it either.
 */
const model = (s: ListState) => ({
  products: s.products,
  lists: s.lists,
  versions: s.versions,
  stacks: s.stacks,
  purchases: s.purchases,
  categories: s.categories,
  lastAt: s.lastAt,
  size: s.size,
  unreadable: s.unreadable,
});

/**
 * What a list holds by itself, whatever the lists' dispatches are interleaved with: products,
 * list rows and heads, and the latest time. Purchases, categories and the undo entries of
 * category choices are shared between lists, so they also depend on the order of the lists'
 * dispatches between them.
 */
const ownOfEachList = (s: ListState) => ({
  products: s.products,
  lists: s.lists,
  versions: s.versions,
  lastAt: s.lastAt,
  size: s.size,
  unreadable: s.unreadable,
});

const withoutSeq = ({ seq: _seq, ...event }: StoredEvent): BasketEvent => event as BasketEvent;
const ids = (events: readonly { id: string }[]) => events.map((e) => e.id);
const inList = <T extends BasketEvent>(events: readonly T[], streamId: string) =>
  events.filter((e) => e.streamId === streamId);
const streamsOf = (events: readonly BasketEvent[]) => [...new Set(events.map((e) => e.streamId))];

/** decide may refuse (nothing to undo, a product gone), but never for want of a readable event. */
function expectNoSafetyNet(decision: Decision): void {
  if (!decision.ok) expect(decision.message.key).not.toBe('cannotRecord');
}

interface Played {
  store: EventStore<ListState>;
  live: ListState;
}

/**
 * Plays a script on a store as the bus does: each step decided against the live state, appended,
 * and the stored events folded into the live state with `applyCommitted`. A reload closes the
 * store, opens another on the same database and checks that it boots to the live state. `twin`
 * is sent every appended batch too.
 */
async function play(
  opened: Played,
  device: Device,
  script: readonly ScriptStep[],
  reopen: () => Promise<EventStore<ListState>>,
  twin?: EventStore<ListState>,
): Promise<Played> {
  let { store, live } = opened;
  const past: ListState[] = [];
  for (const step of script) {
    if ('app' in step) {
      if (step.app === 'compact') await store.compact();
      else {
        store.close();
        store = await reopen();
        const booted = await store.load();
        expect(model(booted)).toEqual(model(live));
        expect(booted.lastSeq).toBe(live.lastSeq);
      }
      continue;
    }
    past.push(live);
    const decision = decideStep(step, live, device, past);
    if (!decision) continue;
    expectNoSafetyNet(decision);
    if (!decision.ok || decision.events.length === 0) continue;
    const stored = await store.append(decision.streamId, decision.expectedVersion, decision.events);
    expect(stored).toHaveLength(decision.events.length);
    live = applyCommitted(live, stored);
    await twin?.append(decision.streamId, decision.expectedVersion, decision.events);
  }
  return { store, live };
}

/** A device with a fake IndexedDB of its own, chunk sizes drawn for it. */
async function dexieDevice(readChunk: number, writeChunk: number) {
  const options = { ...freshIndexedDB(), readChunk, writeChunk };
  const reopen = () => openDexieStore(options);
  return { store: await reopen(), reopen };
}

/** A backup as a person keeps it: exported, written as JSON, and read back by the importer. */
async function backupThrough(store: EventStore<ListState>, exportedAt: number) {
  const { events, unreadable } = await store.exportLog();
  const text = JSON.stringify(backupOf(events, exportedAt, unreadable));
  const parsed = await parseBackup(text);
  if (!parsed.ok) throw new Error(`the backup was refused: ${JSON.stringify(parsed.message)}`);
  return { exported: events.map(withoutSeq), parsed };
}

describe('nothing lost, ever (issue 11)', () => {
  it('property: live == rebuilt == booted == imported, undo and redo stacks included', async () => {
    await fc.assert(
      fc.asyncProperty(
        scriptArbitrary(40),
        chunk,
        chunk,
        chunk,
        async (script, readChunk, writeChunk, importChunk) => {
          const phone = await dexieDevice(readChunk, writeChunk);
          const memory = createMemoryStore(listProjection);
          const { store, live } = await play(
            { store: phone.store, live: await phone.store.load() },
            newDevice('phone'),
            script,
            phone.reopen,
            memory,
          );
          const booted = await (await phone.reopen()).load();
          const rebuilt = await store.rebuild();
          const { events, unreadable } = await store.exportLog();
          expect(unreadable).toEqual([]);
          const backup = events.map(withoutSeq);
          const target = await dexieDevice(readChunk, importChunk);
          const imported = await target.store.importEvents(backup);
          expect(imported.added).toBe(backup.length);
          const memoryImported = await createMemoryStore(listProjection).importEvents(backup);

          // The same log at the same positions: everything equal, `lastSeq` too.
          const sameLog = {
            booted,
            rebuilt,
            memoryLive: await memory.load(),
            memoryRebuilt: await memory.rebuild(),
          };
          for (const [how, state] of Object.entries(sameLog)) {
            expect({ how, ...model(state), lastSeq: state.lastSeq }).toEqual({
              how,
              ...model(live),
              lastSeq: live.lastSeq,
            });
          }

          // An import into an empty store writes the log at positions 1..n, as the phone did.
          const importedLog = await target.store.readAfter(0);
          const importedStates = {
            imported: imported.list,
            importedThenBooted: await (await target.reopen()).load(),
            memoryImported: memoryImported.list,
          };
          // A restore into an empty store keeps the phone's order, across lists too: what lists
          // share (categories, purchases, the undo entries of category choices) follows it.
          expect(ids(importedLog)).toEqual(ids(backup));
          for (const [how, state] of Object.entries(importedStates)) {
            expect({ how, ...ownOfEachList(state), lastSeq: state.lastSeq }).toEqual({
              how,
              ...ownOfEachList(live),
              lastSeq: live.lastSeq,
            });
            expect({ how, ...model(state) }).toEqual({
              how,
              ...model(live),
            });
          }
        },
      ),
      { seed: 11_001, numRuns: runs(200) },
    );
  }, 60_000);

  it('property: import(export(log)) == log, and the backup file is accepted', async () => {
    await fc.assert(
      fc.asyncProperty(
        scriptArbitrary(40),
        chunk,
        chunk,
        fc.integer({ min: 0, max: Date.UTC(2600, 0, 1) }),
        async (script, readChunk, writeChunk, exportedAt) => {
          const phone = await dexieDevice(readChunk, writeChunk);
          const { store } = await play(
            { store: phone.store, live: await phone.store.load() },
            newDevice('phone'),
            script,
            phone.reopen,
          );
          const { exported, parsed } = await backupThrough(store, exportedAt);
          // The file reads back as exactly what was exported, in the same order.
          expect(parsed.events).toEqual(exported);
          expect(parsed.unreadable).toEqual([]);

          const fresh = await dexieDevice(readChunk, writeChunk);
          const result = await fresh.store.importEvents(
            parsed.events,
            undefined,
            parsed.unreadable,
          );
          expect(result.added).toBe(exported.length);
          const restored = (await fresh.store.readAfter(0)).map(withoutSeq);
          // The same events, whole: ids, types, versions, times, lists, positions, payloads.
          const byId = (events: readonly BasketEvent[]) =>
            [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
          expect(byId(restored)).toEqual(byId(exported));
          // Each list in the same order.
          for (const streamId of streamsOf(exported)) {
            expect(inList(restored, streamId)).toEqual(inList(exported, streamId));
          }
          // And the same file again adds nothing, on both sides.
          expect((await fresh.store.importEvents(parsed.events)).added).toBe(0);
          expect((await store.importEvents(parsed.events)).added).toBe(0);
          expect((await fresh.store.readAfter(0)).map(withoutSeq)).toEqual(restored);
          const memory = createMemoryStore(listProjection);
          expect((await memory.importEvents(parsed.events)).added).toBe(exported.length);
          expect((await memory.readAfter(0)).map(withoutSeq)).toEqual(restored);
        },
      ),
      { seed: 11_002, numRuns: runs(120) },
    );
  }, 60_000);

  it('property: two devices merged in either order hold the same log and lose nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        scriptArbitrary(15),
        scriptArbitrary(15),
        scriptArbitrary(15),
        scriptArbitrary(4),
        chunk,
        chunk,
        fc.boolean(),
        async (prefix, onA, onB, afterwards, readChunk, writeChunk, bInMemory) => {
          // One device makes the history both start from; each imports its backup.
          const origin = await dexieDevice(readChunk, writeChunk);
          const made = await play(
            { store: origin.store, live: await origin.store.load() },
            newDevice('origin'),
            prefix,
            origin.reopen,
          );
          const { parsed } = await backupThrough(made.store, 0);
          const laptop = await dexieDevice(readChunk, writeChunk);
          const memory = createMemoryStore(listProjection);
          const phone = bInMemory
            ? { store: memory, reopen: async () => memory }
            : await dexieDevice(writeChunk, readChunk);
          const start = async (device: typeof laptop) => ({
            store: device.store,
            live: (await device.store.importEvents(parsed.events)).list,
          });
          // Then each goes its own way, with a clock of its own.
          const a = await play(
            await start(laptop),
            newDevice('a', Date.UTC(2026, 0, 1)),
            onA,
            laptop.reopen,
          );
          const b = await play(
            await start(phone),
            newDevice('b', Date.UTC(2027, 5, 1)),
            onB,
            phone.reopen,
          );
          // Each exports, then imports the other's backup.
          const fromA = (await a.store.exportLog()).events.map(withoutSeq);
          const fromB = (await b.store.exportLog()).events.map(withoutSeq);
          const intoA = await a.store.importEvents(fromB);
          const intoB = await b.store.importEvents(fromA);
          const logA = (await a.store.readAfter(0)).map(withoutSeq);
          const logB = (await b.store.readAfter(0)).map(withoutSeq);

          // The same log on both, event for event, in the same order: whichever imports which,
          // and also when one of the imports added nothing.
          for (const streamId of streamsOf(logA)) {
            expect(inList(logB, streamId)).toEqual(inList(logA, streamId));
          }
          expect(logB).toEqual(logA);
          expect(logB).toHaveLength(logA.length);
          // Every event either device had, once.
          const seen = new Set([...ids(fromA), ...ids(fromB)]);
          expect(new Set(ids(logA))).toEqual(seen);
          expect(logA).toHaveLength(seen.size);
          // In each list, each device's events in the order that device saw them.
          for (const own of [fromA, fromB]) {
            const mine = new Set(ids(own));
            for (const streamId of streamsOf(own)) {
              const merged = ids(inList(logA, streamId)).filter((id) => mine.has(id));
              expect({ streamId, order: merged }).toEqual({
                streamId,
                order: ids(inList(own, streamId)),
              });
            }
          }
          // Each read model is the fold of its merged log; the two agree on what each list holds.
          const merged = foldLog(logA);
          const foldB = foldLog(logB);
          for (const [state, log] of [
            [intoA.list, merged],
            [await a.store.load(), merged],
            [intoB.list, foldB],
            [await b.store.load(), foldB],
          ] as const) {
            expect(model(state)).toEqual(model(log));
            expect(ownOfEachList(state)).toEqual(ownOfEachList(merged));
          }
          // No clock can resurrect: a product removed is back only if something after its
          // removal, in the merged order, put it back.
          logA.forEach((event, i) => {
            const removed =
              event.type === 'ProductRemoved'
                ? [event.payload.productId]
                : event.type === 'CheckedProductsCleared'
                  ? event.payload.productIds
                  : [];
            for (const productId of removed) {
              if (!merged.products.has(productId)) continue;
              const putBack = logA
                .slice(i + 1)
                .some(
                  (later) =>
                    (later.type === 'ProductAdded' || later.type === 'ProductRestored') &&
                    later.payload.productId === productId,
                );
              expect({ productId, removedBy: event.id, putBack }).toEqual({
                productId,
                removedBy: event.id,
                putBack: true,
              });
            }
          });
          // And the merged list goes on: the next change lands after the merged head.
          await play(
            { store: a.store, live: intoA.list },
            newDevice('a2'),
            afterwards,
            laptop.reopen,
          );
        },
      ),
      { seed: 11_003, numRuns: runs(150) },
    );
  }, 60_000);

  describe('everything decide can produce passes the reader’s schema', () => {
    /** Every event of an ok decision reads back, through the reader, as exactly what it is. */
    function expectReadable(decision: Decision): void {
      expectNoSafetyNet(decision);
      if (!decision.ok) return;
      // One expect for the lot: a clear of 40,000 is 40,000 events.
      const misread = decision.events.filter((event) => {
        const read = readEvent(event);
        return !read.ok || !isDeepStrictEqual(read.event, event);
      });
      expect(misread.map((event) => ({ event, read: readEvent(event) }))).toEqual([]);
      // One time for the whole dispatch, and one Basket can record.
      const at = new Set(decision.events.map((e) => e.at));
      expect(at.size).toBeLessThanOrEqual(1);
      for (const time of at) {
        expect(time).toBeGreaterThanOrEqual(TIME_MIN);
        expect(time).toBeLessThanOrEqual(TIME_MAX);
      }
    }

    it('property: for random states and commands, with any clock', () => {
      fc.assert(
        fc.property(
          fc.array(logStepArbitrary, { maxLength: 60, size: 'max' }),
          fc.array(logStepArbitrary, { minLength: 1, maxLength: 10 }),
          (history, next) => {
            const device = newDevice('d');
            const list = playSteps(emptyList(), device, history, expectReadable);
            playSteps(list, device, next, expectReadable);
          },
        ),
        { seed: 11_004, numRuns: runs(500) },
      );
    });

    it('property: clearing more than 20,000 bought products, and undoing and redoing it', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.constantFrom(20_001, 40_001), fc.integer({ min: 20_001, max: 30_000 })),
          fc.integer({ min: 0, max: 50 }),
          fc.integer({ min: TIME_MIN, max: TIME_MAX }),
          fc.array(clockStepArbitrary, { minLength: 3, maxLength: 3 }),
          (bought, toBuy, at, clocks) => {
            const list = manyBought(bought, toBuy, at);
            const device = newDevice('d', at);
            const commands: Command[] = [
              { type: 'ClearCheckedProducts', streamId: DEFAULT_STREAM },
              { type: 'Undo', streamId: DEFAULT_STREAM },
              { type: 'Redo', streamId: DEFAULT_STREAM },
            ];
            const states = [list];
            const decisions = commands.map((command, i) => {
              const state = states.at(-1)!;
              const decision = decide(command, state, contextFor(device, clocks[i]!));
              expectReadable(decision);
              if (!decision.ok) throw new Error(`refused: ${JSON.stringify(decision.message)}`);
              const stored = decision.events.map((e, k) => ({ ...e, seq: state.lastSeq + k + 1 }));
              states.push(applyCommitted(state, stored));
              return decision.events;
            });
            const [cleared, undone, redone] = [states[1]!, states[2]!, states[3]!];
            // The clear names every bought product once, at most 20,000 to an event, as one
            // action; so does its redo.
            const clear = decisions[0]!;
            expect(clear).toHaveLength(Math.ceil(bought / 20_000));
            expect(new Set(clear.map(actionOf)).size).toBe(1);
            const named = clear.flatMap((e) =>
              e.type === 'CheckedProductsCleared' ? e.payload.productIds : [],
            );
            expect(named).toHaveLength(bought);
            expect(new Set(named)).toEqual(
              new Set([...list.products.values()].filter((p) => p.checked).map((p) => p.productId)),
            );
            expect(cleared.products.size).toBe(toBuy);
            // One undo brings every one back exactly as it was; one redo takes them again.
            expect(undone.products).toEqual(list.products);
            expect(redone.products).toEqual(cleared.products);
          },
        ),
        { seed: 11_005, numRuns: runs(3) },
      );
    }, 60_000);
  });
});

/** A list of `bought` bought products and `toBuy` to buy, folded from events made here. */
function manyBought(bought: number, toBuy: number, at: number): ListState {
  const events: BasketEvent[] = [];
  const push = (type: 'ProductAdded' | 'ProductChecked', i: number) => {
    const productId = `p-${i}`;
    events.push({
      id: `e-${events.length + 1}`,
      type,
      v: 1,
      at,
      streamId: DEFAULT_STREAM,
      streamVersion: events.length + 1,
      payload:
        type === 'ProductAdded' ? { productId, name: `Product ${i}`, quantity: 1 } : { productId },
    } as BasketEvent);
  };
  for (let i = 0; i < bought + toBuy; i += 1) push('ProductAdded', i);
  for (let i = 0; i < bought; i += 1) push('ProductChecked', i);
  return { ...foldLog(events), lastSeq: events.length };
}
