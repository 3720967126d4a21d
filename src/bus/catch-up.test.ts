import { waitFor } from '@testing-library/react';
import { type ListState } from '../model';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM, parseProductInput, type StoredEvent } from '../events';
import type { Command } from '../model';
import { openDexieStore, type EventStore } from '../store';
import { freshIndexedDB } from '../test/harness';
import { createBasket } from './basket';
import { broadcastCrossTab, type CrossTab } from './cross-tab';

const add = (name: string, quantity = 1): Command => {
  const parsed = parseProductInput(name, quantity);
  if (!parsed.ok) throw new Error('invalid');
  return { type: 'AddProduct', streamId: DEFAULT_STREAM, ...parsed.value };
};
const names = (basket: { getState(): { list: { products: ReadonlyMap<string, unknown> } } }) =>
  [...basket.getState().list.products.values()].map((p) => (p as { name: string }).name).sort();

/**
 * The real store; the times its real reads of what is new run are counted. `slow`, when set,
 * holds the answer of a read that has already been made until it resolves, as a slow disk would.
 */
function countingReads(store: EventStore<ListState>) {
  const counter: { reads: number; slow: Promise<void> | null } = { reads: 0, slow: null };
  const counted: EventStore<ListState> = {
    ...store,
    readAfter: async (seq) => {
      counter.reads += 1;
      return store.readAfter(seq);
    },
    catchUp: async (seq) => {
      counter.reads += 1;
      const slow = counter.slow;
      const read = await store.catchUp(seq);
      if (slow) await slow;
      return read;
    },
  };
  return { store: counted, counter };
}

/** The real channel; only the number of "the log grew" messages this tab was told of is counted. */
function countingHeard(crossTab: CrossTab) {
  const counter = { heard: 0 };
  const counted: CrossTab = {
    ...crossTab,
    listen: (onGrown, onReset) =>
      crossTab.listen((...args: Parameters<typeof onGrown>) => {
        counter.heard += 1;
        onGrown(...args);
      }, onReset),
  };
  return { crossTab: counted, counter };
}

async function twoTabs() {
  const idb = freshIndexedDB();
  const channel = `basket-catch-up-${Math.random()}`;
  const otherChannel = broadcastCrossTab(channel)!;
  const other = await createBasket({ store: await openDexieStore(idb), crossTab: otherChannel });
  const reading = countingReads(await openDexieStore(idb));
  const hearing = countingHeard(broadcastCrossTab(channel)!);
  const here = await createBasket({ store: reading.store, crossTab: hearing.crossTab });
  const seenHere: number[] = [];
  const sub = here.committed$.subscribe((batch: readonly StoredEvent[]) =>
    seenHere.push(...batch.map((e) => e.seq)),
  );
  return {
    other,
    otherChannel,
    here,
    reads: reading.counter,
    heard: hearing.counter,
    seenHere,
    dispose() {
      sub.unsubscribe();
      other.dispose();
      here.dispose();
    },
  };
}

describe('catching up with other tabs (issue 11: nothing lost, ever)', () => {
  it('a flood of "the log grew" from another tab costs one catch-up, and this tab’s own add stays prompt', async () => {
    // Given two tabs of one Basket, and this one has seen the other's Milk and Bread.
    const tabs = await twoTabs();
    await tabs.other.dispatch(add('Milk'));
    await tabs.other.dispatch(add('Bread'));
    await waitFor(() => expect(names(tabs.here)).toEqual(['Bread', 'Milk']));
    const heardBefore = tabs.heard.heard;
    tabs.reads.reads = 0;

    // When the other tab adds Eggs and then says "the log grew" a thousand times more (a tab
    // repeating itself, or a thousand tabs), and only then does this tab's person add Tea,
    await tabs.other.dispatch(add('Eggs'));
    for (let i = 0; i < 1000; i += 1) tabs.otherChannel.announce(3);
    await waitFor(() => expect(tabs.heard.heard - heardBefore).toBe(1001));
    const outcome = await tabs.here.dispatch(add('Tea'));

    // Then the add went through behind at most a couple of reads of the store, not a thousand,
    expect(outcome.ok).toBe(true);
    expect(tabs.reads.reads).toBeLessThanOrEqual(2);
    // and everything the other tab did arrived here, once each, in order, before Tea.
    expect(names(tabs.here)).toEqual(['Bread', 'Eggs', 'Milk', 'Tea']);
    expect(tabs.seenHere).toEqual([1, 2, 3, 4]);
    tabs.dispose();
  });

  it('a message announcing what this tab has already folded reads nothing at all', async () => {
    // Given this tab has caught up with the other tab's three adds,
    const tabs = await twoTabs();
    for (const name of ['Milk', 'Bread', 'Eggs']) await tabs.other.dispatch(add(name));
    await waitFor(() => expect(names(tabs.here)).toEqual(['Bread', 'Eggs', 'Milk']));
    const heardBefore = tabs.heard.heard;
    tabs.reads.reads = 0;

    // When those same positions are announced again, a thousand times,
    for (let i = 0; i < 1000; i += 1) tabs.otherChannel.announce(1 + (i % 3));
    await waitFor(() => expect(tabs.heard.heard - heardBefore).toBe(1000));
    const outcome = await tabs.here.dispatch(add('Tea'));

    // Then not one read was made for them, and nothing was folded twice.
    expect(outcome.ok).toBe(true);
    expect(tabs.reads.reads).toBe(0);
    expect(tabs.seenHere).toEqual([1, 2, 3, 4]);
    tabs.dispose();
  });

  it('a commit announced while a catch-up is reading gets a read of its own', async () => {
    // Given this tab is catching up with the other tab's Milk, and its read has been made but
    // has not come back yet (a slow disk),
    const tabs = await twoTabs();
    let answer = () => {};
    tabs.reads.slow = new Promise((resolve) => (answer = resolve));
    await tabs.other.dispatch(add('Milk'));
    await waitFor(() => expect(tabs.reads.reads).toBe(1));
    tabs.reads.slow = null;

    // When the other tab adds Bread meanwhile, and this tab hears of it before the read is back,
    const heardBefore = tabs.heard.heard;
    await tabs.other.dispatch(add('Bread'));
    await waitFor(() => expect(tabs.heard.heard - heardBefore).toBe(1));
    answer();

    // Then Bread is read too: both arrive here, once each.
    await waitFor(() => expect(names(tabs.here)).toEqual(['Bread', 'Milk']));
    expect(tabs.seenHere).toEqual([1, 2]);
    expect(tabs.reads.reads).toBe(2);
    tabs.dispose();
  });
});
