import { initialState, type EventContext } from '../model';
import { backups } from './backup';
import { browserHidden, browserIdle, systemContext } from './browser';
import { createCatchUp } from './catch-up';
import { createHouseholdDoor } from './household';
import { COMPACT_EVERY, keepHouse } from './housekeeping';
import { createNotices } from './notices';
import { createQueue } from './queue';
import { createSession, storageOf } from './session';
import { foldState } from './state';
import type { Basket, BasketOptions } from './types';

export type { Basket, BasketOptions, JobOutcome, Outcome, PhasedProgress } from './types';
export type { ChangeFeed } from './catch-up';
export type { HouseholdDoor, HouseholdView } from './household';
export { COMPACT_EVERY } from './housekeeping';
export { historyLarge } from './notices';

/**
 * Deciding and describing commands (the whole of `decide`) is not needed to show the list: it
 * loads after the first paint (`preloadBasket`), or with the first command if that comes sooner.
 */
const commands = () => import('./command');

/** Loads what the first action needs, so it is not kept waiting; call once the list shows. */
export function preloadBasket(): Promise<unknown> {
  return commands();
}

/**
 * The bus, put together. Two producers, one signal each, feed one fold: the session's transient
 * changes, and the serial queue's job outcomes (commands, catching up, backups, housekeeping).
 * A job never pushes back into the queue: what it did and what it tells are its outcome, folded
 * into `state$` as data, and its caller is answered once they are there. Other tabs (and, with
 * household sync, other devices: `otherDevices`) only ask for a catch-up job; see `ChangeFeed`.
 *
 *   session ──changes──┐
 *                      ├─▶ foldState (reduceState) ─▶ state$, committed$ ─▶ React, housekeeping
 *   queue ───steps─────┘
 *     ▲ dispatch, catchUp (other tabs, other devices), import, rebuild, export, compact
 */
export async function createBasket({
  store,
  ctx = systemContext,
  crossTab = null,
  otherDevices = null,
  connectHousehold,
  onLoadProgress,
  initialList,
  onListSelected,
  compactEvery = store.kind === 'indexeddb' ? COMPACT_EVERY : 0,
  whenIdle = browserIdle,
  onHidden = browserHidden,
}: BasketOptions): Promise<Basket> {
  const loaded = await store.load(onLoadProgress);
  const notices = createNotices();
  const queue = createQueue();
  const session = createSession(notices);
  const initial = initialState(loaded, storageOf(store), initialList, ctx.device?.()?.id ?? null);
  const state = foldState(initial, session.changes$, queue.done$);

  const house = keepHouse({
    queue,
    store,
    state: state.get,
    committed$: state.committed$,
    compactEvery,
    whenIdle,
    onHidden,
  });
  const others = createCatchUp({ queue, store, state: state.get, notices });
  const household = createHouseholdDoor({
    store,
    current: () => state.get().list,
    notify: (sentence) => session.announce('status', sentence),
    committed$: state.committed$,
    ...(connectHousehold ? { connect: connectHousehold } : {}),
  });
  // Dispatches say which device made them, and by name once it shares a household.
  const stamped: EventContext = {
    ...ctx,
    device() {
      const own = ctx.device?.();
      const { name, deviceName } = household.get();
      return own && name !== null && deviceName ? { ...own, name: deviceName } : own;
    },
  };
  const stopFollowing = [
    others.follow(crossTab),
    others.follow(otherDevices),
    others.follow(household.feed),
  ];
  const wrote = (lastSeq: number) => crossTab?.announce(lastSeq);
  const backup = backups({ queue, store, ctx: stamped, notices, crossTab });

  return {
    dispatch: (command) =>
      queue.inTurn(async () =>
        (await commands()).runCommand(
          { store, ctx: stamped, state: state.get, notices, wrote },
          command,
        ),
      ),
    importBackup: backup.importBackup,
    rebuild: backup.rebuild,
    compact: house.compact,
    readLog: backup.readLog,
    exportBackup: backup.exportBackup,
    search: session.search,
    selectList(streamId) {
      session.selectList(streamId);
      // The list actually opened: one deleted meanwhile gives way to another.
      onListSelected?.(state.get().currentList);
    },
    dismissNotice: session.dismissNotice,
    announce: session.announce,
    storageChanged: session.storageChanged,
    catchUp: others.catchUp,
    getState: state.get,
    subscribe: state.subscribe,
    state$: state.state$,
    committed$: state.committed$,
    household,
    dispose() {
      household.stop();
      house.stop();
      for (const stop of stopFollowing) stop();
      crossTab?.close();
      state.stop();
      session.end();
      queue.end();
      store.close();
    },
  };
}
