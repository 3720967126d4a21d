import {
  concatMap,
  defer,
  distinctUntilChanged,
  map,
  merge,
  scan,
  share,
  startWith,
  type Observable,
} from 'rxjs';
import type { StoredEvent } from '../events';
import { reduceState, type BasketState, type StateChange } from '../model';
import type { Step } from './queue';

export interface BasketStateStream {
  get(): BasketState;
  /** For React's `useSyncExternalStore`: `listener` is called once per step that changed it. */
  subscribe(listener: () => void): () => void;
  readonly state$: Observable<BasketState>;
  readonly committed$: Observable<readonly StoredEvent[]>;
  stop(): void;
}

const nothingToAnswer = () => {};

/**
 * The one fold: the session's changes and every job's outcome, in the order they come, through
 * `reduceState`. A job's step is folded whole (its commits and its notices at once), and only
 * then is its caller answered, so whoever awaits a job finds its outcome in the state.
 */
export function foldState(
  initial: BasketState,
  transient$: Observable<StateChange>,
  done$: Observable<Step>,
): BasketStateStream {
  let current = initial;
  const listeners = new Set<() => void>();
  const steps$ = merge(
    transient$.pipe(map((change): Step => ({ changes: [change], settle: nothingToAnswer }))),
    done$,
  );
  const folded$ = steps$.pipe(
    scan(
      (last: { state: BasketState; step: Step | null }, step: Step) => ({
        state: step.changes.reduce(reduceState, last.state),
        step,
      }),
      { state: initial, step: null },
    ),
    share(),
  );
  // Subscribed first: `current` is up to date before anyone else hears of a step.
  const subscription = folded$.subscribe(({ state, step }) => {
    if (state !== current) {
      current = state;
      for (const listener of listeners) listener();
    }
    step?.settle();
  });
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state$: defer(() =>
      folded$.pipe(
        map(({ state }) => state),
        startWith(current),
        distinctUntilChanged(),
      ),
    ),
    committed$: folded$.pipe(
      concatMap(({ step }) =>
        (step?.changes ?? []).flatMap((c) => (c.type === 'Committed' ? [c.events] : [])),
      ),
    ),
    stop: () => subscription.unsubscribe(),
  };
}
