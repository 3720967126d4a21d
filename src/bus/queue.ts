import { concatMap, defer, share, type Observable } from 'rxjs';
import type { StateChange } from '../model';
import { createSignal } from './signal';
import type { Turn } from './turn';

/** A job once run: its changes, and `settle`, which answers its caller once they are folded. */
export interface Step {
  readonly changes: readonly StateChange[];
  settle(): void;
}

export interface Queue {
  /** Every job's outcome, one at a time, in the order they were asked for. */
  readonly done$: Observable<Step>;
  /**
   * Runs `job` after every job asked for before it. Resolves (or rejects) with its answer once
   * its changes are in the state; a job that throws is answered with what it threw.
   */
  inTurn<T>(job: () => Promise<Turn<T>>): Promise<T>;
  end(): void;
}

/**
 * The bus's one serial queue. The next job starts only once the last one's changes are folded
 * (the fold subscribes to `done$` and runs synchronously), so each decision sees every commit
 * before it.
 */
export function createQueue(): Queue {
  const [jobs$, ask, end] = createSignal<() => Promise<Step>>();
  const done$ = jobs$.pipe(
    concatMap((run) => defer(run)),
    share(),
  );
  return {
    done$,
    inTurn: <T>(job: () => Promise<Turn<T>>) =>
      new Promise<T>((resolve, reject) =>
        ask(async () => {
          let turn: Turn<T>;
          try {
            turn = await job();
          } catch (error) {
            turn = { changes: [], answer: { ok: false, error } };
          }
          const { changes, answer } = turn;
          return {
            changes,
            settle: () => (answer.ok ? resolve(answer.value) : reject(answer.error)),
          };
        }),
      ),
    end,
  };
}
