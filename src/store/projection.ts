import type { BasketEvent, ProductId, StreamId } from '../events';
import { evolve, touchedIds, type Product, type ProductTable } from '../model';
import { ConcurrencyError } from './errors';

/** The rows a batch touches after applying it: puts for those that exist, deletes for the rest. */
export function projectBatch(
  rows: ProductTable,
  events: readonly BasketEvent[],
): { puts: Product[]; deletes: ProductId[] } {
  const ids = new Set(events.flatMap(touchedIds));
  for (const event of events) evolve(rows, event);
  const puts: Product[] = [];
  const deletes: ProductId[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (row) puts.push(row);
    else deletes.push(id);
  }
  return { puts, deletes };
}

/** Refuses a batch that is not the next contiguous run of `streamId` after `expectedVersion`. */
export function checkBatch(
  streamId: StreamId,
  expectedVersion: number,
  head: number,
  events: readonly BasketEvent[],
): void {
  if (head !== expectedVersion) {
    throw new ConcurrencyError(
      `Stream ${streamId} is at version ${head}, not the expected ${expectedVersion}.`,
    );
  }
  events.forEach((event, i) => {
    if (event.streamId !== streamId || event.streamVersion !== expectedVersion + i + 1) {
      throw new ConcurrencyError(`Event ${event.id} is out of order for stream ${streamId}.`);
    }
  });
}

export function versionsOf(events: Iterable<BasketEvent>): Map<StreamId, number> {
  const versions = new Map<StreamId, number>();
  for (const e of events) versions.set(e.streamId, e.streamVersion);
  return versions;
}
