import type { BasketEvent, StoredEvent, StreamId } from '../events';
import { batches } from '../model';

/**
 * How two devices' logs are merged in a story: any order a merge could choose (a backup import's,
 * a sync server's) keeps each device's dispatches in that device's order.
 */

/** Which device's next dispatch goes next in the merged log; the rest follow in turn, A's first. */
export type Order = 'a first' | 'b first' | readonly ('a' | 'b')[];

/** Two devices' dispatches in one log, each device's in its own order: as a merge keeps them. */
export function interleave(
  a: readonly StoredEvent[],
  b: readonly StoredEvent[],
  order: Order,
): BasketEvent[] {
  const picks = typeof order === 'string' ? [] : order;
  const queues = { a: batches(a), b: batches(b) };
  const out: BasketEvent[] = [];
  for (const pick of picks) out.push(...(queues[pick].shift() ?? []));
  const rest = order === 'b first' ? [...queues.b, ...queues.a] : [...queues.a, ...queues.b];
  return [...out, ...rest.flat()];
}

/** Positions and list versions 1..n in log order, as a merge numbers them. */
export function renumbered(events: readonly BasketEvent[]): StoredEvent[] {
  const heads = new Map<StreamId, number>();
  return events.map((event, i) => {
    const streamVersion = (heads.get(event.streamId) ?? 0) + 1;
    heads.set(event.streamId, streamVersion);
    const { seq: _seq, ...rest } = event as StoredEvent;
    return { ...rest, streamVersion, seq: i + 1 } as StoredEvent;
  });
}
