import { says } from '../i18n/sentence';
import { actionOf, type BasketEvent, type StreamId } from '../events';
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

/** One dispatch within one list: the unit a merge moves, never cut in two. */
interface Unit {
  readonly key: string;
  readonly streamId: StreamId;
  readonly at: number;
  readonly entries: LogEntry[];
}

/** A list's dispatches, in the order the device that holds them saw them (stream order). */
function chains(entries: readonly LogEntry[]): Map<StreamId, Unit[]> {
  const byStream = new Map<StreamId, LogEntry[]>();
  for (const entry of entries) {
    const list = byStream.get(entry.event.streamId) ?? [];
    list.push(entry);
    byStream.set(entry.event.streamId, list);
  }
  const out = new Map<StreamId, Unit[]>();
  for (const [streamId, list] of byStream) {
    list.sort((a, b) => a.event.streamVersion - b.event.streamVersion);
    const units: Unit[] = [];
    for (const entry of list) {
      const key = actionOf(entry.event);
      const last = units.at(-1);
      if (last?.key === key) last.entries.push(entry);
      else units.push({ key, streamId, at: entry.event.at, entries: [entry] });
    }
    out.set(streamId, units);
  }
  return out;
}

/**
 * Which of two dispatches that neither device saw in a known order goes first. Time only breaks
 * the tie: it never moves a dispatch past one its own device put before it.
 */
const before = (a: Unit, b: Unit) => a.at < b.at || (a.at === b.at && a.key < b.key);

/**
 * Merges two devices' versions of one list, keeping the order each device saw: a dispatch goes
 * after everything either device put before it. Only dispatches that are concurrent (or, in a
 * damaged file, seen in contrary orders) are ordered by time, then id. Symmetric: merging a into
 * b gives what merging b into a gives.
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
 * The order: within a list, the order each device saw (see `mergeChains`), so no clock, however
 * wrong, can put a delete before the add it deleted; across lists, which are independent, the
 * dispatches are interleaved by time. Every step is a function of the two logs alone, and
 * symmetric in them, so two devices that import each other's backups hold the same log.
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
  const ours = chains(existing);
  const theirs = chains(incoming.map((event) => ({ row: event, event })));
  // Their copy of an event we hold is ours: the row we stored, at the version we wrote it.
  const mine = new Map(existing.map((entry) => [entry.event.id, entry]));
  const streams = [...new Set([...ours.keys(), ...theirs.keys()])].sort();
  const merged = streams.map((s) =>
    mergeChains(ours.get(s) ?? [], theirs.get(s) ?? []).map((unit) => ({
      ...unit,
      entries: unit.entries.map((e) => mine.get(e.event.id) ?? e),
    })),
  );
  checkOwnership(merged.flat());
  const rows: object[] = [];
  const events: BasketEvent[] = [];
  for (const unit of interleave(merged)) {
    for (const { row, event } of unit.entries) {
      const { seq: _seq, ...content } = row as { seq?: number };
      rows.push(content);
      events.push(event);
    }
  }
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

/** Lists' dispatches woven into one log, each list's own order kept, earliest head first. */
function interleave(lists: readonly Unit[][]): Unit[] {
  const at = lists.map(() => 0);
  const out: Unit[] = [];
  for (;;) {
    let pick = -1;
    lists.forEach((units, k) => {
      const head = units[at[k]!];
      if (!head) return;
      const best = pick < 0 ? undefined : lists[pick]![at[pick]!];
      if (!best || before(head, best)) pick = k;
    });
    if (pick < 0) return out;
    out.push(lists[pick]![at[pick]!]!);
    at[pick] = at[pick]! + 1;
  }
}

/** Product events and the lists they belong to: a product lives in one list only. */
function checkOwnership(units: readonly Unit[]): void {
  const owner = new Map<string, StreamId>();
  for (const unit of units) {
    for (const { event } of unit.entries) {
      for (const productId of productIdsOf(event)) {
        const list = owner.get(productId);
        if (list === undefined) owner.set(productId, event.streamId);
        else if (list !== event.streamId) {
          throw new StorageError(says('productInTwoLists', { id: productId }), 'conflict');
        }
      }
    }
  }
}

/** The products an event names. */
export function productIdsOf(event: BasketEvent): readonly string[] {
  if (event.type === 'CheckedProductsCleared') return event.payload.productIds;
  const payload = event.payload as { productId?: unknown };
  return typeof payload.productId === 'string' ? [payload.productId] : [];
}
