/**
 * Counterexamples the properties in `nothing-lost.property.test.ts` found while they were written
 * (issue 11), pinned as regressions: each failed on the code of that day, and is fixed.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM, parseProductInput, type BasketEvent, type StoredEvent } from '../events';
import {
  applyCommitted,
  charsOf,
  decide,
  type Command,
  type ListState,
  type Product,
} from '../model';
import { freshIndexedDB } from '../test/harness';
import { openDexieStore } from './index';
import type { EventStore } from './types';

const T = Date.UTC(2026, 10, 22, 9, 0);
const SECOND = 1000;
const DAY = 24 * 60 * 60 * 1000;

/** What the product form makes of a name, with quantity 1. */
const typed = (text: string) => {
  const parsed = parseProductInput(text, 1);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};
const withoutSeq = ({ seq: _seq, ...event }: StoredEvent): BasketEvent => event as BasketEvent;
const productIn = (list: ListState, streamId: string): Product =>
  [...list.products.values()].find((p) => p.streamId === streamId)!;
const newList = (list: ListState) => [...list.lists.keys()].find((id) => id !== DEFAULT_STREAM)!;

/** Decides each command at its time and appends it, as the bus does; returns the live state. */
async function act(
  store: EventStore<ListState>,
  prefix: string,
  steps: [at: number, command: (list: ListState) => Command][],
  start?: ListState,
): Promise<ListState> {
  let live = start ?? (await store.load());
  let id = 0;
  for (const [at, command] of steps) {
    const decision = decide(command(live), live, {
      now: () => at,
      newId: () => `${prefix}-${(id += 1)}`,
    });
    if (!decision.ok) throw new Error(JSON.stringify(decision.message));
    live = applyCommitted(
      live,
      await store.append(decision.streamId, decision.expectedVersion, decision.events),
    );
  }
  return live;
}

/** Milk on the first list and on a second one, with a category chosen for it on the second. */
const sharedMilk: [number, (list: ListState) => Command][] = [
  [T, () => ({ type: 'AddProduct', streamId: DEFAULT_STREAM, ...typed('Milk') })],
  [T + SECOND, () => ({ type: 'CreateList', name: typed('Party').name })],
  [T + 2 * SECOND, (list) => ({ type: 'AddProduct', streamId: newList(list), ...typed('Milk') })],
  [
    T + 3 * SECOND,
    (list) => {
      const milk = productIn(list, newList(list));
      return {
        type: 'EditProduct',
        productId: milk.productId,
        ...typed('Milk'),
        category: 'frozen',
      };
    },
  ],
];

/** A day later by the log, a day earlier by a clock set back: Milk goes in Drinks, on the first list. */
const drinksOnTheFirstList: [number, (list: ListState) => Command][] = [
  [
    T - DAY,
    (list) => {
      const milk = productIn(list, DEFAULT_STREAM);
      return {
        type: 'EditProduct',
        productId: milk.productId,
        ...typed('Milk'),
        category: 'drinks',
      };
    },
  ],
];

describe('pinned: what the nothing-lost properties found (issue 11)', () => {
  it('seed 11001: the size of the history is what a backup holds, however the read model was built', async () => {
    // Property 1 (seed 11001) with `size.chars` compared fails on its first run. Live, rebuilt
    // and booted fold StoredEvents, and `charsOf` counts their `seq` ("seq":1, is 8 characters);
    // an import folds events without one. `ListState.size` says it is the history "as a backup
    // file would hold it", which has no `seq`. So the size depends on how the read model was
    // built (it drops by 8–14 characters an event after an import), and decide's `historyFull`
    // check refuses sooner than the importer's limit would.
    const store = await openDexieStore(freshIndexedDB());
    const live = await act(store, 'id', sharedMilk.slice(0, 1));
    const { events } = await store.exportLog();
    const inBackup = events.map(withoutSeq).reduce((n, e) => n + charsOf(e), 0);
    const imported = await (
      await openDexieStore(freshIndexedDB())
    ).importEvents(events.map(withoutSeq));
    expect(imported.list.size.chars).toBe(inBackup);
    expect({ live: live.size.chars, rebuilt: (await store.rebuild()).size.chars }).toEqual({
      live: inBackup,
      rebuilt: inBackup,
    });
  });

  it('seed 11001, run 62: restoring a device’s own backup into an empty store keeps its last category choice', async () => {
    // Property 1 (seed 11001, run 62, path "61:1:2:…") with the imported store compared whole.
    // mergeLogs' `interleave` orders different lists' dispatches by time, then by action id as
    // text, even on an import into an empty store, so a choice made on one list with a clock set
    // back (or at the same clamped time as everything after a 1970 reading, where "id-10" sorts
    // before "id-9") goes before an earlier choice on another list, and the earlier one wins.
    // Categories, purchases (name last written, lastAddedAt, boughtAt order) and the undo entries
    // of category choices are shared between lists, so how the lists interleave is part of the
    // state: the person's last choice is lost on restore.
    const phone = await openDexieStore(freshIndexedDB());
    const live = await act(phone, 'id', [...sharedMilk, ...drinksOnTheFirstList]);
    expect(live.categories.get('milk')).toBe('drinks');
    const { events } = await phone.exportLog();
    const restored = await (
      await openDexieStore(freshIndexedDB())
    ).importEvents(events.map(withoutSeq));
    expect(restored.list.categories.get('milk')).toBe('drinks');
    expect(restored.list.stacks).toEqual(live.stacks);
  });

  it('seed 11003, run 14: two devices that import each other’s backups hold the same log and agree', async () => {
    // Property 3 (seed 11003, run 14, path "13:0:0:…") with the whole logs compared. An import
    // that adds nothing (`merge.added === 0`) leaves the log in the order this device appended
    // it, while the other device's import re-sorts the merged log by time (as in FOUND 2). The
    // logs then interleave the lists differently, and the devices disagree for good (until one
    // of them imports something new) on what is shared between lists.
    const origin = await openDexieStore(freshIndexedDB());
    await act(origin, 'origin', sharedMilk);
    const common = (await origin.exportLog()).events.map(withoutSeq);
    const laptop = await openDexieStore(freshIndexedDB());
    const phone = await openDexieStore(freshIndexedDB());
    const fromCommon = (await laptop.importEvents(common)).list;
    await phone.importEvents(common);
    // The laptop's clock is a day behind; the phone does nothing.
    await act(laptop, 'laptop', drinksOnTheFirstList, fromCommon);
    const fromLaptop = (await laptop.exportLog()).events.map(withoutSeq);
    const fromPhone = (await phone.exportLog()).events.map(withoutSeq);
    await laptop.importEvents(fromPhone);
    await phone.importEvents(fromLaptop);
    const now = async (store: EventStore<ListState>) => ({
      log: (await store.readAfter(0)).map((e) => e.id),
      milk: (await store.load()).categories.get('milk'),
    });
    const laptopNow = await now(laptop);
    // Today: the laptop keeps origin-2, laptop-1, origin-4…, and Milk in Drinks; the phone holds
    // origin-2, origin-4, origin-6, origin-7, laptop-1, and Milk in Frozen.
    expect(await now(phone)).toEqual(laptopNow);
    expect(laptopNow.milk).toBe('drinks');
  });
});
