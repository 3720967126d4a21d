import type { StoredEvent, StreamId } from '../events';
import type { Sentence } from '../events/sentence';
import { describeBatch } from './describe';
import { batches, evolveDispatch } from './evolve';
import type { Product } from './product';
import { foldLog, type ListState } from './read-model';
import { emptyRows } from './rows';
import type { StackTable } from './stacks';

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
  /** The device that did it, by name, once devices share a household. */
  readonly by?: string;
}

/**
 * The log told as a diary, oldest first: one sentence per action, in the words of the moment
 * (names as they were then). Folds the log once.
 */
export function tellHistory(log: readonly StoredEvent[]): HistoryEntry[] {
  const rows = emptyRows();
  const stacks: StackTable = new Map();
  const entries: HistoryEntry[] = [];
  for (const batch of batches(log)) {
    const first = batch[0]!;
    const what = describeBatch(
      batch,
      rows.products,
      stacks.get(first.streamId),
      rows.lists,
      rows.aliases,
    );
    evolveDispatch(rows, stacks, batch);
    const last = batch.at(-1) as StoredEvent;
    const { id, at, streamId, by } = first;
    entries.push({ id, at, what, seq: last.seq, streamId, ...(by === undefined ? {} : { by }) });
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
