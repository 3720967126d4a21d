import {
  DEFAULT_STREAM,
  type BasketEvent,
  type Category,
  type ProductId,
  type StoredEvent,
  type StreamId,
} from '../events';
import type { Sentence } from '../i18n/types';
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
}

export type StorageStatus =
  /** Saved in this browser's IndexedDB. */
  | 'saved'
  /** IndexedDB could not be opened: working in memory, lost on reload. */
  | 'memory'
  /** A newer Basket upgraded the database; this tab must reload before it can save again. */
  | 'outdated'
  /** This tab's upgrade waits for other Basket tabs to close. */
  | 'blocked';

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
}

/** What changes `BasketState`: committed events, and transient facts that are never stored. */
export type StateChange =
  | { readonly type: 'Committed'; readonly events: readonly StoredEvent[] }
  /** The read model was rebuilt or merged with a backup: the list is replaced, not folded. */
  | { readonly type: 'ListReloaded'; readonly list: ListState }
  | { readonly type: 'SearchTextChanged'; readonly text: string }
  | { readonly type: 'ListSelected'; readonly streamId: StreamId }
  | { readonly type: 'NoticeShown'; readonly notice: Notice }
  | { readonly type: 'NoticeDismissed' }
  | { readonly type: 'StorageStatusChanged'; readonly storage: StorageStatus };

export function initialState(
  list: ListState,
  storage: StorageStatus,
  wanted: StreamId = DEFAULT_STREAM,
): BasketState {
  return { list, currentList: openOne(list, wanted), search: '', notice: null, storage };
}

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
  const empty: ListState = {
    products: new Map(),
    versions: new Map(),
    stacks: new Map(),
    purchases: new Map(),
    lists: new Map(),
    categories: new Map(),
    lastSeq,
  };
  return foldOnto(empty, events);
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
  for (const batch of batches(events)) {
    const { effects, sign } = evolveBatch(products, stacks, batch, lists, categories);
    applyPurchaseEffects(purchases, effects, sign);
    for (const event of batch) versions.set(event.streamId, event.streamVersion);
  }
  return { products, versions, stacks, purchases, lists, categories, lastSeq: list.lastSeq };
}

export function reduceState(state: BasketState, change: StateChange): BasketState {
  switch (change.type) {
    case 'Committed': {
      const list = applyCommitted(state.list, change.events);
      // A list deleted here or in another tab gives way to one that is still open.
      return list === state.list
        ? state
        : { ...state, list, currentList: openOne(list, state.currentList) };
    }
    case 'ListReloaded':
      return { ...state, list: change.list, currentList: openOne(change.list, state.currentList) };
    case 'ListSelected':
      return { ...state, currentList: openOne(state.list, change.streamId), search: '' };
    case 'SearchTextChanged':
      return { ...state, search: change.text };
    case 'NoticeShown':
      return { ...state, notice: change.notice };
    case 'NoticeDismissed':
      return { ...state, notice: null };
    case 'StorageStatusChanged':
      return { ...state, storage: change.storage };
    default: {
      const _exhaustive: never = change;
      return _exhaustive;
    }
  }
}
