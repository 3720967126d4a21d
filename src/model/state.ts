import {
  DEFAULT_STREAM,
  type BasketEvent,
  type Category,
  type ProductId,
  type StoredEvent,
  type StreamId,
} from '../events';
import type { Sentence } from '../events/sentence';
import type { Product } from './product';
import { openLists, type ListInfo } from './lists';
import { applyPurchaseEffects, type Purchase } from './purchases';
import { batches, evolveBatch, type UndoStacks } from './undo';

/** What has committed, folded: the same rows the store's projection holds. */
export interface ListState {
  readonly products: ReadonlyMap<ProductId, Product>;
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

export type StorageStatus =
  /** Saved in this browser's IndexedDB. */
  | 'saved'
  /** IndexedDB could not be opened: working in memory, lost on reload. */
  | 'memory'
  /** A newer Basket upgraded the database; this tab must reload before it can save again. */
  | 'outdated'
  /** This tab's upgrade waits for other Basket tabs to close. */
  | 'blocked'
  /** The browser deleted the database while the page was open (site data cleared). */
  | 'cleared';

export interface Notice {
  readonly kind: 'status' | 'alert';
  readonly text: Sentence;
  /** Storage is full: the person should be offered a backup of what is saved. */
  readonly offerExport?: boolean;
  /** Distinguishes two notices with the same text, so both are announced. */
  readonly id: number;
}

export interface BasketState {
  readonly list: ListState;
  /** The list on screen: transient, remembered by the browser rather than the log. */
  readonly currentList: StreamId;
  readonly search: string;
  readonly notice: Notice | null;
  readonly storage: StorageStatus;
  /** The last action the person took in this tab: what Undo undoes if its list was deleted. */
  readonly lastAction: { readonly streamId: StreamId; readonly actionId: string } | null;
}

/** What changes `BasketState`: committed events, and transient facts that are never stored. */
export type StateChange =
  | {
      readonly type: 'Committed';
      readonly events: readonly StoredEvent[];
      /** Rows read with them that this build cannot read: set aside, and told. */
      readonly unreadable?: readonly SetAside[];
    }
  /** The read model was rebuilt or merged with a backup: the list is replaced, not folded. */
  | { readonly type: 'ListReloaded'; readonly list: ListState }
  | { readonly type: 'SearchTextChanged'; readonly text: string }
  | { readonly type: 'ListSelected'; readonly streamId: StreamId }
  | { readonly type: 'NoticeShown'; readonly notice: Notice }
  | { readonly type: 'NoticeDismissed' }
  | { readonly type: 'ActedHere'; readonly streamId: StreamId; readonly actionId: string }
  | { readonly type: 'StorageStatusChanged'; readonly storage: StorageStatus };

export function initialState(
  list: ListState,
  storage: StorageStatus,
  wanted: StreamId = DEFAULT_STREAM,
): BasketState {
  const currentList = openOne(list, wanted);
  const status = storageFor(list, storage);
  return { list, currentList, search: '', notice: null, storage: status, lastAction: null };
}

/**
 * The list Undo and Redo act on: the one on screen, unless the person's last action here deleted
 * a list (the screen moved on to another): then Undo brings that list back, as it says.
 */
export function undoTarget(state: BasketState): StreamId {
  const last = state.lastAction;
  if (!last || last.streamId === state.currentList) return state.currentList;
  const open = openLists(state.list.lists, state.list.versions, DEFAULT_STREAM);
  if (open.some((l) => l.streamId === last.streamId)) return state.currentList;
  const top = state.list.stacks.get(last.streamId)?.undo.at(-1);
  return top?.id === last.actionId ? last.streamId : state.currentList;
}

/** Rows a newer Basket wrote are in the log: this build must stop writing until reloaded. */
const storageFor = (list: ListState, storage: StorageStatus): StorageStatus =>
  storage === 'saved' && list.unreadable.some((u) => u.reason === 'unknown') ? 'outdated' : storage;

/** `wanted` if it is a list that can be opened, else the first one that can. */
function openOne(list: ListState, wanted: StreamId): StreamId {
  const open = openLists(list.lists, list.versions, DEFAULT_STREAM);
  return (open.find((l) => l.streamId === wanted) ?? open[0])?.streamId ?? DEFAULT_STREAM;
}

/**
 * Folds committed events into the list, dispatch by dispatch. Events at or below `lastSeq` were
 * applied already (a tab hears of its own commits from other tabs too), so applying them twice
 * changes nothing. The maps are copied once per call, not per event.
 */
export function applyCommitted(list: ListState, events: readonly StoredEvent[]): ListState {
  const fresh = events.filter((e) => e.seq > list.lastSeq);
  const last = fresh.at(-1);
  if (!last) return list;
  return { ...foldOnto(list, fresh), lastSeq: last.seq };
}

/** The whole state of a log, folded from nothing: what a rebuild produces. */
export function foldLog(events: readonly BasketEvent[], lastSeq = 0): ListState {
  return foldOnto(emptyList(lastSeq), events);
}

export const emptyList = (lastSeq = 0): ListState => ({
  products: new Map(),
  versions: new Map(),
  stacks: new Map(),
  purchases: new Map(),
  lists: new Map(),
  categories: new Map(),
  lastSeq,
  lastAt: 0,
  size: { events: 0, chars: 0 },
  unreadable: [],
});

/** One event's share of a backup file: its JSON (without this device's `seq`) and a comma. */
export function charsOf(event: BasketEvent): number {
  const { seq: _seq, ...content } = event as BasketEvent & { seq?: number };
  return JSON.stringify(content).length + 1;
}

/** A stored row the store could not read, with where it says it sits (which may be nonsense). */
export type SetAside = UnreadableRow & {
  readonly streamId?: unknown;
  readonly streamVersion?: unknown;
};

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

/**
 * Folds `events` onto `list`, in the order given, whatever their log positions: for a caller
 * that knows they come next (an import folding what it is writing). `lastSeq` is left as it was.
 */
export function foldOnto(list: ListState, events: readonly BasketEvent[]): ListState {
  const products = new Map(list.products);
  const versions = new Map(list.versions);
  const stacks = new Map(list.stacks);
  const purchases = new Map(list.purchases);
  const lists = new Map(list.lists);
  const categories = new Map(list.categories);
  let { lastAt } = list;
  let { events: count, chars } = list.size;
  for (const batch of batches(events)) {
    const { effects, sign } = evolveBatch(products, stacks, batch, lists, categories);
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
  return {
    ...list,
    products,
    versions,
    stacks,
    purchases,
    lists,
    categories,
    lastAt,
    size: { events: count, chars },
  };
}

export function reduceState(state: BasketState, change: StateChange): BasketState {
  switch (change.type) {
    case 'Committed': {
      const list = applyRead(state.list, change.events, change.unreadable);
      // A list deleted here or in another tab gives way to one that is still open.
      return list === state.list
        ? state
        : {
            ...state,
            list,
            currentList: openOne(list, state.currentList),
            storage: storageFor(list, state.storage),
          };
    }
    case 'ListReloaded':
      return {
        ...state,
        list: change.list,
        currentList: openOne(change.list, state.currentList),
        storage: storageFor(change.list, state.storage),
      };
    case 'ListSelected':
      return { ...state, currentList: openOne(state.list, change.streamId), search: '' };
    case 'SearchTextChanged':
      return { ...state, search: change.text };
    case 'NoticeShown':
      return { ...state, notice: change.notice };
    case 'NoticeDismissed':
      return { ...state, notice: null };
    case 'ActedHere':
      return { ...state, lastAction: { streamId: change.streamId, actionId: change.actionId } };
    case 'StorageStatusChanged':
      return { ...state, storage: change.storage };
    default: {
      const _exhaustive: never = change;
      return _exhaustive;
    }
  }
}
