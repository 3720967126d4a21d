import {
  eventChars,
  type BasketEvent,
  type Category,
  type ProductId,
  type StoredEvent,
  type StreamId,
} from '../events';
import { batches, evolveDispatch } from './evolve';
import type { ListInfo } from './lists';
import type { Product } from './product';
import { applyPurchaseEffects, type Purchase } from './purchases';
import { copyProducts } from './name-index';
import { SharedMap } from './shared-map';
import type { UndoStacks } from './stacks';

/** What has committed, folded: the read model the store saves and the bus holds. */
export interface ListState {
  readonly products: ReadonlyMap<ProductId, Product>;
  /**
   * Product ids that name another product's row: the second of two devices' adds of one name
   * while apart, folded into the first's row. Events naming either id act on that row.
   */
  readonly aliases: ReadonlyMap<ProductId, ProductId>;
  /** Head version of each stream: the expected version of its next append. */
  readonly versions: ReadonlyMap<StreamId, number>;
  /** What each list can undo and redo: derived from its log like everything else here. */
  readonly stacks: ReadonlyMap<StreamId, UndoStacks>;
  /** What has been added and bought, by product name, across lists: for suggestions. */
  readonly purchases: ReadonlyMap<string, Purchase>;
  /** The lists' names, and which are deleted; a list with history but no name is the first one. */
  readonly lists: ReadonlyMap<StreamId, ListInfo>;
  /** The categories the person chose for product names, by name key, across lists. */
  readonly categories: ReadonlyMap<string, Category>;
  /** The highest log position folded in; a batch at or below it has been applied already. */
  readonly lastSeq: number;
  /** The latest `at` folded: a clock that says 1970 records no earlier than this. */
  readonly lastAt: number;
  /** How much history there is, as a backup file would hold it: see `LOG_LIMITS`. */
  readonly size: LogSize;
  /**
   * Stored rows this build could not read (damaged, or written by a newer Basket): kept in the
   * log and in every export, left out of the fold, and told to the person.
   */
  readonly unreadable: readonly UnreadableRow[];
}

export interface LogSize {
  /** Events in the log. */
  readonly events: number;
  /** Characters of their JSON, as a backup file writes them. */
  readonly chars: number;
}

export interface UnreadableRow {
  readonly seq: number;
  readonly reason: 'unknown' | 'invalid';
  /** What this build found wrong with it, in English, for the console and a bug report. */
  readonly detail: string;
}

/** A stored row the store could not read, with where it says it sits (which may be nonsense). */
export type SetAside = UnreadableRow & {
  readonly streamId?: unknown;
  readonly streamVersion?: unknown;
};

export const emptyList = (lastSeq = 0): ListState => ({
  products: new SharedMap(),
  aliases: new Map(),
  versions: new Map(),
  stacks: new Map(),
  purchases: new SharedMap(),
  lists: new Map(),
  categories: new Map(),
  lastSeq,
  lastAt: 0,
  size: { events: 0, chars: 0 },
  unreadable: [],
});

/** One event's share of a backup file: its JSON (without this device's `seq`) and a comma. */
export function charsOf(event: BasketEvent): number {
  return eventChars(event);
}

/**
 * Folds `events` onto `list`, in the order given, whatever their log positions: for a caller
 * that knows they come next (an import folding what it is writing). `lastSeq` is left as it was.
 * The tables are copied once per call, not per event.
 */
export function foldOnto(list: ListState, events: readonly BasketEvent[]): ListState {
  const rows = {
    products: copyProducts(list.products),
    // A read model saved before aliases were kept has none (and is rebuilt: REDUCER_VERSION).
    aliases: new Map(list.aliases),
    lists: new Map(list.lists),
    categories: new Map(list.categories),
  };
  const versions = new Map(list.versions);
  const stacks = new Map(list.stacks);
  const purchases = SharedMap.copyOf(list.purchases);
  let { lastAt } = list;
  let { events: count, chars } = list.size;
  for (const batch of batches(events)) {
    const { effects, sign } = evolveDispatch(rows, stacks, batch);
    applyPurchaseEffects(purchases, effects, sign);
    for (const event of batch) {
      versions.set(
        event.streamId,
        Math.max(event.streamVersion, versions.get(event.streamId) ?? 0),
      );
      if (event.at > lastAt) lastAt = event.at;
      count += 1;
      chars += charsOf(event);
    }
  }
  return { ...list, ...rows, versions, stacks, purchases, lastAt, size: { events: count, chars } };
}

/** The whole state of a log, folded from nothing: what a rebuild produces. */
export function foldLog(events: readonly BasketEvent[], lastSeq = 0): ListState {
  return foldOnto(emptyList(lastSeq), events);
}

/**
 * Folds committed events into the list, dispatch by dispatch. Events at or below `lastSeq` were
 * applied already (a tab hears of its own commits from other tabs too), so applying them twice
 * changes nothing.
 */
export function applyCommitted(list: ListState, events: readonly StoredEvent[]): ListState {
  const fresh = events.filter((e) => e.seq > list.lastSeq);
  const last = fresh.at(-1);
  if (!last) return list;
  return { ...foldOnto(list, fresh), lastSeq: last.seq };
}

/**
 * Folds what a read of the log found: the events, and the rows that could not be read, set
 * aside. A set-aside row in the log still takes its place in its list (the next append must come
 * after it), and is listed so the person is told. Rows at or below `lastSeq` were applied already.
 */
export function applyRead(
  list: ListState,
  events: readonly StoredEvent[],
  unreadable: readonly SetAside[] = [],
): ListState {
  const fresh = unreadable.filter((u) => u.seq <= 0 || u.seq > list.lastSeq);
  const folded = applyCommitted(list, events);
  if (fresh.length === 0) return folded;
  const lastSeq = Math.max(folded.lastSeq, ...fresh.map((u) => u.seq));
  return { ...setAsideRows(folded, fresh), lastSeq };
}

/** Lists rows as set aside, in whatever order they come; `lastSeq` is left as it was. */
export function setAsideRows(list: ListState, rows: readonly SetAside[]): ListState {
  if (rows.length === 0) return list;
  const versions = new Map(list.versions);
  for (const { seq, streamId, streamVersion } of rows) {
    // Only a row still in the log (a positive `seq`) holds a place in its list; rows an import
    // kept aside hold none.
    if (seq > 0 && typeof streamId === 'string' && typeof streamVersion === 'number') {
      versions.set(streamId, Math.max(streamVersion, versions.get(streamId) ?? 0));
    }
  }
  const listed = rows.map(({ seq, reason, detail }) => ({ seq, reason, detail }));
  return { ...list, versions, unreadable: [...list.unreadable, ...listed] };
}
