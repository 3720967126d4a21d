import type { StoredEvent, StreamId } from '../events';
import type { Sentence } from '../events/sentence';
import type { CategoryTable } from './aisles';
import { describeBatch } from './describe';
import type { ListTable } from './lists';
import type { Product, ProductTable } from './product';
import { foldLog, type ListState } from './state';
import { batches, evolveBatch, type StackTable } from './undo';

/** One thing a person did, as the history tells it. */
export interface HistoryEntry {
  /** The action's id (its first event's). */
  readonly id: string;
  readonly at: number;
  /** What was done, to be said in the reader's language. */
  readonly what: Sentence;
  /** The log position of the action's last event: the moment just after it. */
  readonly seq: number;
  readonly streamId: StreamId;
}

/**
 * The log told as a diary, oldest first: one sentence per action, in the words of the moment
 * (names as they were then). Folds the log once.
 */
export function tellHistory(log: readonly StoredEvent[]): HistoryEntry[] {
  const table: ProductTable = new Map();
  const stacks: StackTable = new Map();
  const lists: ListTable = new Map();
  const categories: CategoryTable = new Map();
  const entries: HistoryEntry[] = [];
  for (const batch of batches(log)) {
    const first = batch[0]!;
    const what = describeBatch(batch, table, stacks.get(first.streamId), lists);
    evolveBatch(table, stacks, batch, lists, categories);
    const last = batch.at(-1) as StoredEvent;
    entries.push({ id: first.id, at: first.at, what, seq: last.seq, streamId: first.streamId });
  }
  return entries;
}

/** A list exactly as it was just after log position `seq`. */
export function listAt(log: readonly StoredEvent[], streamId: StreamId, seq: number): Product[] {
  return [...stateAt(log, seq).products.values()].filter((p) => p.streamId === streamId);
}

/** Everything as it was just after log position `seq`. */
export function stateAt(log: readonly StoredEvent[], seq: number): ListState {
  return foldLog(
    log.filter((e) => e.seq <= seq),
    seq,
  );
}
