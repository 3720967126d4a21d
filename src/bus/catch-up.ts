import type { BasketState } from '../model';
import { type ListState } from '../model';
import type { EventStore } from '../store';
import type { Notices } from './notices';
import type { Queue } from './queue';
import { answered, committed, type Turn } from './turn';

/**
 * A source of committed changes this tab did not make. It carries no events: it says that the
 * log grew (up to a position, when it knows one) or that positions changed, and the bus reads
 * what is new from the store, in its turn. A missed or repeated word costs nothing.
 *
 * Other tabs are one such source (`CrossTab`, over a BroadcastChannel). Household sync will be
 * the second, and plugs in here, as `BasketOptions.otherDevices`: once it has stored another
 * device's events it says `grown`; once it has reordered the log (a rebase puts another device's
 * actions before this one's pending ones) it says `reset`. Nothing else in the bus changes.
 */
export interface ChangeFeed {
  /** `onGrown` is told the position announced, when there is a valid one. Returns a stop. */
  listen(onGrown: (lastSeq?: number) => void, onReset: () => void): () => void;
}

export interface CatchUpDeps {
  queue: Queue;
  store: EventStore<ListState>;
  state: () => BasketState;
  notices: Notices;
}

export interface CatchUp {
  /** Folds in whatever was committed elsewhere that this tab has not seen, in its turn. */
  catchUp(): void;
  /** Listens to `feed` until the stop it returns is called. */
  follow(feed: ChangeFeed | null | undefined): () => void;
}

/**
 * Catching up coalesces: one queued read takes everything after `lastSeq`, so while one waits
 * its turn another adds nothing, and a flood of messages cannot hold up this tab's own input.
 */
export function createCatchUp({ queue, store, state, notices }: CatchUpDeps): CatchUp {
  let queued = false;

  async function readNew(): Promise<Turn<void>> {
    // From here on a new message needs a read of its own: this one may miss what it announces.
    queued = false;
    try {
      const { events, unreadable } = await store.catchUp(state().list.lastSeq);
      return answered(undefined, committed(events, unreadable));
    } catch (error) {
      return answered(undefined, notices.failure(error).changes);
    }
  }

  async function reloadList(): Promise<Turn<void>> {
    try {
      return answered(undefined, [{ type: 'ListReloaded', list: await store.load() }]);
    } catch (error) {
      return answered(undefined, notices.failure(error).changes);
    }
  }

  function catchUp() {
    if (queued) return;
    queued = true;
    void queue.inTurn(readNew);
  }

  return {
    catchUp,
    follow: (feed) =>
      feed?.listen(
        // A position this tab has folded already needs no read at all.
        (lastSeq) => {
          if (lastSeq === undefined || lastSeq > state().list.lastSeq) catchUp();
        },
        () => void queue.inTurn(reloadList),
      ) ?? (() => {}),
  };
}
