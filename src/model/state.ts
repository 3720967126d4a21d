import { DEFAULT_STREAM, type StoredEvent, type StreamId } from '../events';
import type { Sentence } from '../events/sentence';
import { openLists } from './lists';
import { applyRead, type ListState, type SetAside } from './read-model';
import { ownTop } from './stacks';

/*
 * The session: the read model (read-model.ts) with what this tab shows and says, and how each
 * change, committed or transient, moves it on.
 */

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
  /** This device's id, as its dispatches carry it: whose actions Undo takes back. */
  readonly device: string | null;
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
  device: string | null = null,
): BasketState {
  const currentList = openOne(list, wanted);
  const status = storageFor(list, storage);
  return { list, currentList, search: '', notice: null, storage: status, lastAction: null, device };
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
  const top = ownTop(state.list.stacks.get(last.streamId)?.undo ?? [], state.device);
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
