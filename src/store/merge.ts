import { says } from '../i18n/sentence';
import type { BasketEvent, StreamId } from '../events';
import { StorageError } from './errors';

/** An event in the log: the row as it was written (any version) and how this build reads it. */
export interface LogEntry {
  readonly row: object;
  readonly event: BasketEvent;
}

/** The same fact: everything but its position, which differs between devices after a merge. */
function sameFact(a: BasketEvent, b: BasketEvent): boolean {
  return (
    a.type === b.type &&
    a.at === b.at &&
    a.streamId === b.streamId &&
    JSON.stringify(a.payload) === JSON.stringify(b.payload)
  );
}

/** Time, then position, then id: a function of the events alone, so every device agrees. */
function mergeOrder(a: LogEntry, b: LogEntry): number {
  const x = a.event;
  const y = b.event;
  return (
    x.at - y.at || x.streamVersion - y.streamVersion || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
}

export interface Merge {
  /** Rows to store, in merge order, with stream versions 1..n per stream and no `seq`. */
  readonly rows: object[];
  /** The same, as this build reads them: what the read model is folded from. */
  readonly events: BasketEvent[];
  readonly added: number;
}

/**
 * Merges incoming events into a log by id. Existing rows keep their content and the version
 * they were written at; only positions may change. An incoming event whose id is known but whose
 * content differs is refused: one of the two copies was altered.
 */
export function mergeLogs(existing: readonly LogEntry[], incoming: readonly BasketEvent[]): Merge {
  const known = new Map(existing.map((entry) => [entry.event.id, entry.event]));
  const fresh: LogEntry[] = [];
  for (const event of incoming) {
    const mine = known.get(event.id);
    if (!mine) {
      fresh.push({ row: event, event });
      known.set(event.id, event);
    } else if (!sameFact(mine, event)) {
      throw new StorageError(says('changeDiffers', { id: event.id }), 'conflict');
    }
  }
  if (fresh.length === 0) return { rows: [], events: [], added: 0 };
  const entries = [...existing, ...fresh].sort(mergeOrder);
  const heads = new Map<StreamId, number>();
  const rows: object[] = [];
  const events: BasketEvent[] = [];
  for (const { row, event } of entries) {
    const streamVersion = (heads.get(event.streamId) ?? 0) + 1;
    heads.set(event.streamId, streamVersion);
    const { seq: _seq, ...content } = row as { seq?: number };
    rows.push({ ...content, streamVersion });
    events.push({ ...event, streamVersion });
  }
  return { rows, events, added: fresh.length };
}
