import type { StoredEvent } from '../events';
import type { SetAside, StateChange } from '../model';

/**
 * What one job produced, as data: the changes to fold into the state (what it committed, and
 * the notices that tell of it, in that order), and the answer its caller gets once they are.
 */
export interface Turn<T> {
  readonly changes: readonly StateChange[];
  readonly answer: Answer<T>;
}

export type Answer<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export const answered = <T>(value: T, changes: readonly StateChange[] = []): Turn<T> => ({
  changes,
  answer: { ok: true, value },
});

export const failed = <T>(error: unknown, changes: readonly StateChange[] = []): Turn<T> => ({
  changes,
  answer: { ok: false, error },
});

/** Events (and rows set aside) read or written, as a change of state; none is no change. */
export const committed = (
  events: readonly StoredEvent[],
  unreadable: readonly SetAside[] = [],
): StateChange[] =>
  events.length || unreadable.length ? [{ type: 'Committed', events, unreadable }] : [];
