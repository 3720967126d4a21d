import type { Observable } from 'rxjs';
import { type ListState } from '../model';
import type { StoredEvent } from '../events';
import type { BasketState } from '../model';
import type { EventStore } from '../store';
import type { Queue } from './queue';
import { answered, failed } from './turn';

/** Events a boot may have to fold on top of the saved read model: a few milliseconds' work. */
export const COMPACT_EVERY = 500;

export interface HousekeepingDeps {
  queue: Queue;
  store: EventStore<ListState>;
  state: () => BasketState;
  committed$: Observable<readonly StoredEvent[]>;
  /** Save once this many events have committed since the last save; 0: never by itself. */
  compactEvery: number;
  whenIdle: (work: () => void) => void;
  onHidden: (listener: () => void) => () => void;
}

export interface Housekeeping {
  /** Saves the read model in its turn; resolves to how many events that folded. */
  compact(): Promise<number>;
  stop(): void;
}

/**
 * Keeping boot short: once enough has committed since the read model was saved, it is saved
 * again when the page is idle, in its turn; also when the page is hidden, and once after boot.
 */
export function keepHouse(deps: HousekeepingDeps): Housekeeping {
  const { queue, store, state, compactEvery, whenIdle } = deps;
  let unsaved = 0;
  let idleQueued = false;
  let stopped = false;

  function compact(): Promise<number> {
    unsaved = 0;
    return queue.inTurn(async () => {
      try {
        // A tab that may not write (outdated, or waiting on an upgrade) leaves it to others.
        return answered(state().storage === 'saved' ? await store.compact() : 0);
      } catch (error) {
        // Rejects with the store's own error, and tells no one: see `compactQuietly`.
        return failed<number>(error);
      }
    });
  }
  /**
   * Housekeeping that failed loses nothing (the log has every change, and the next boot folds
   * more of it), so it is logged rather than put in front of the person; a full disk or a newer
   * Basket is told by the next change they make, or already was.
   */
  const compactQuietly = () =>
    compact().catch((error: unknown) =>
      console.warn('Basket could not save its read model; boot will fold more of the log.', error),
    );
  /** Commits seen: a save waits while they still come (another device's history arriving). */
  let commits = 0;
  const compactWhenIdle = () => {
    if (idleQueued) return;
    idleQueued = true;
    const seen = commits;
    whenIdle(() => {
      idleQueued = false;
      // Stopped meanwhile: the queue is closed, and a job asked of it would never be answered.
      if (stopped) return;
      // Still growing (a catch-up folds a batch at a time): saving now would be overtaken by
      // the next batch, and its writes would hold up the catch-up's. Wait until it settles.
      if (commits !== seen) compactWhenIdle();
      else void compactQuietly();
    });
  };

  const counting = compactEvery
    ? deps.committed$.subscribe((events) => {
        commits += 1;
        unsaved += events.length;
        if (unsaved >= compactEvery) compactWhenIdle();
      })
    : null;
  const stopOnHidden = compactEvery
    ? deps.onHidden(() => {
        if (unsaved > 0) void compactQuietly();
      })
    : null;
  // Whatever an earlier visit left unsaved (a tab closed before it could save).
  if (compactEvery) compactWhenIdle();

  return {
    compact,
    stop() {
      stopped = true;
      counting?.unsubscribe();
      stopOnHidden?.();
    },
  };
}
