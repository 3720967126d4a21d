import { actionOf, type BasketEvent } from '../events';

/** Where the last dispatch of `events` begins: everything before it is whole. */
export function lastDispatchStart(events: readonly BasketEvent[]): number {
  const last = events.at(-1);
  if (!last) return 0;
  let i = events.length - 1;
  while (i > 0 && sameDispatch(events[i - 1]!, last)) i -= 1;
  return i;
}

/** The first index at or after `at` where a new dispatch begins (or the end). */
export function dispatchEnd(events: readonly BasketEvent[], at: number): number {
  let i = Math.min(at, events.length);
  while (i > 0 && i < events.length && sameDispatch(events[i - 1]!, events[i]!)) i += 1;
  return i;
}

const sameDispatch = (a: BasketEvent, b: BasketEvent) =>
  a.streamId === b.streamId && actionOf(a) === actionOf(b);
