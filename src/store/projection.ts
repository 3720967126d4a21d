import type { BasketEvent, ProductId, StreamId } from '../events';
import {
  applyPurchaseEffects,
  batches,
  type CategoryTable,
  evolveBatch,
  type ListInfo,
  type ListTable,
  type Purchase,
  type PurchaseChange,
  type PurchaseTable,
  NO_STACKS,
  touchedIds,
  type Product,
  type ProductTable,
  type StackTable,
  type UndoStacks,
} from '../model';
import { ConcurrencyError } from './errors';

/**
 * Applies events to the rows they touch and to their lists' undo stacks (both updated in place),
 * and says what to write: puts for rows that exist afterwards, deletes for the rest.
 */
export function projectBatch(
  rows: ProductTable,
  stacks: StackTable,
  events: readonly BasketEvent[],
  lists: ListTable = new Map(),
  categories: CategoryTable = new Map(),
): { puts: Product[]; deletes: ProductId[]; purchases: PurchaseChange[] } {
  const ids = new Set(events.flatMap(touchedIds));
  const purchases = batches(events).map((batch) =>
    evolveBatch(rows, stacks, batch, lists, categories),
  );
  const puts: Product[] = [];
  const deletes: ProductId[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (row) puts.push(row);
    else deletes.push(id);
  }
  return { puts, deletes, purchases };
}

/** Applies purchase changes to the rows they name, and says what to write. */
export function projectPurchases(
  rows: PurchaseTable,
  changes: readonly PurchaseChange[],
): { puts: Purchase[]; deletes: string[] } {
  const keys = new Set(changes.flatMap((c) => c.effects.map((e) => e.key)));
  for (const { effects, sign } of changes) applyPurchaseEffects(rows, effects, sign);
  const puts: Purchase[] = [];
  const deletes: string[] = [];
  for (const key of keys) {
    const row = rows.get(key);
    if (row) puts.push(row);
    else deletes.push(key);
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

/** A list's stored head: its version, its undo and redo stacks, and its name if it has one. */
export interface StreamRow extends UndoStacks {
  streamId: StreamId;
  version: number;
  list?: ListInfo;
}

export const streamRow = (
  streamId: StreamId,
  version: number,
  stacks = NO_STACKS,
  list?: ListInfo,
): StreamRow => ({
  streamId,
  version,
  undo: stacks.undo,
  redo: stacks.redo,
  ...(list ? { list } : {}),
});
