import { says } from '../events/sentence';
import { actionOf, productIdsOf, type BasketEvent, type StreamId } from '../events';
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
    actionOf(a) === actionOf(b) &&
    JSON.stringify(a.payload) === JSON.stringify(b.payload)
  );
}

/** One dispatch: the unit a merge moves, never cut in two. */
interface Unit {
  readonly key: string;
  readonly at: number;
  readonly entries: LogEntry[];
}

/** A log's dispatches, in the order the device that holds it saw them. */
function chain(entries: readonly LogEntry[]): Unit[] {
  const units: Unit[] = [];
  for (const entry of entries) {
    const key = `${entry.event.streamId} ${actionOf(entry.event)}`;
    const last = units.at(-1);
    if (last?.key === key) last.entries.push(entry);
    else units.push({ key, at: entry.event.at, entries: [entry] });
  }
  return units;
}

/**
 * Which of two dispatches that neither device saw in a known order goes first. Time only breaks
 * the tie: it never moves a dispatch past one its own device put before it.
 */
const before = (a: Unit, b: Unit) => a.at < b.at || (a.at === b.at && a.key < b.key);

/**
 * Merges two devices' logs, keeping the order each device saw: a dispatch goes after everything
 * either device put before it. Only dispatches that are concurrent (or, in a damaged file, seen
 * in contrary orders) are ordered by time, then id. Symmetric: merging a into b gives what
 * merging b into a gives. A log that already holds all of the other, in its order, is unchanged.
 */
function mergeChains(a: readonly Unit[], b: readonly Unit[]): Unit[] {
  const inA = new Set(a.map((u) => u.key));
  const inB = new Set(b.map((u) => u.key));
  const done = new Set<string>();
  const out: Unit[] = [];
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && done.has(a[i]!.key)) i += 1;
    while (j < b.length && done.has(b[j]!.key)) j += 1;
    const x = a[i];
    const y = b[j];
    if (!x && !y) return out;
    let next: Unit;
    if (!y) next = x!;
    else if (!x) next = y;
    else if (x.key === y.key) {
      // One dispatch both hold: the events either side has of it (a damaged file may lack some).
      const ids = new Set(x.entries.map((e) => e.event.id));
      next = { ...x, entries: [...x.entries, ...y.entries.filter((e) => !ids.has(e.event.id))] };
    } else {
      // A dispatch the other side holds further on must wait for what that side has before it.
      const xWaits = inB.has(x.key);
      const yWaits = inA.has(y.key);
      if (xWaits !== yWaits) next = xWaits ? y : x;
      else next = before(x, y) ? x : y;
    }
    done.add(next.key);
    out.push(next);
  }
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
 *
 * The order is the one each device saw (see `mergeChains`), across lists too, since lists share
 * what a person chose for a name and what they bought: no clock, however wrong, can put a delete
 * before the add it deleted. Time only orders what was done apart (concurrently), in any list.
 * Every step is a function of the two logs alone, and symmetric in them, so two devices that
 * import each other's backups hold the same log.
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
  // Their copy of an event we hold is ours: the row we stored, at the version we wrote it.
  const mine = new Map(existing.map((entry) => [entry.event.id, entry]));
  const merged = mergeChains(
    chain(existing),
    chain(incoming.map((event) => ({ row: event, event }))),
  );
  const rows: object[] = [];
  const events: BasketEvent[] = [];
  for (const unit of merged) {
    for (const entry of unit.entries) {
      const { row, event } = mine.get(entry.event.id) ?? entry;
      const { seq: _seq, ...content } = row as { seq?: number };
      rows.push(content);
      events.push(event);
    }
  }
  checkOwnership(events);
  // Renumbered in the order just decided; a dispatch's events stay together.
  renumber(rows, events);
  return { rows, events, added: fresh.length };
}

/** Stream versions 1..n per list, in log order. */
function renumber(rows: object[], events: BasketEvent[]): void {
  const heads = new Map<StreamId, number>();
  events.forEach((event, i) => {
    const streamVersion = (heads.get(event.streamId) ?? 0) + 1;
    heads.set(event.streamId, streamVersion);
    rows[i] = { ...rows[i], streamVersion };
    events[i] = { ...event, streamVersion };
  });
}

/** Product events and the lists they belong to: a product lives in one list only. */
function checkOwnership(events: readonly BasketEvent[]): void {
  const owner = new Map<string, StreamId>();
  for (const event of events) {
    for (const productId of productIdsOf(event)) {
      const list = owner.get(productId);
      if (list === undefined) owner.set(productId, event.streamId);
      else if (list !== event.streamId) {
        throw new StorageError(says('productInTwoLists', { id: productId }), 'conflict');
      }
    }
  }
}
