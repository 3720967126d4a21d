import type { BasketEvent, Category, Draft, StreamId } from '../events';
import { DEFAULT_AISLES } from './aisles';

/** One list, as the person knows it. */
export interface ListInfo {
  readonly streamId: StreamId;
  readonly name: string;
  readonly createdAt: number;
  readonly deleted: boolean;
  /** When it was deleted: the last list deleted is the one kept if every list was. */
  readonly deletedAt?: number;
  /** Its aisles in the order the person walks the shop, once they have reordered them. */
  readonly aisles?: readonly Category[];
}

export type ListTable = Map<StreamId, ListInfo>;

/** What a list is called before anyone names it: the list Basket starts with. */
export const DEFAULT_LIST_NAME = 'Shopping list';

const info = (lists: ReadonlyMap<StreamId, ListInfo>, streamId: StreamId): ListInfo =>
  lists.get(streamId) ?? { streamId, name: DEFAULT_LIST_NAME, createdAt: 0, deleted: false };

/** Applies a list event to the list rows (in place); product events leave them alone. */
export function evolveLists(lists: ListTable, event: BasketEvent): void {
  const current = info(lists, event.streamId);
  switch (event.type) {
    case 'ListCreated':
      lists.set(event.streamId, {
        ...current,
        name: event.payload.name,
        createdAt: lists.has(event.streamId) ? current.createdAt : event.at,
        deleted: false,
        deletedAt: undefined,
      });
      return;
    case 'ListRenamed':
      lists.set(event.streamId, { ...current, name: event.payload.name });
      return;
    case 'ListDeleted':
      lists.set(event.streamId, { ...current, deleted: true, deletedAt: event.at });
      return;
    case 'AislesOrdered': {
      // Back in the usual order is the same as never reordered: undo leaves no trace.
      const { aisles: _before, ...rest } = current;
      const usual = event.payload.order.every((c, i) => c === DEFAULT_AISLES[i]);
      lists.set(event.streamId, usual ? rest : { ...rest, aisles: event.payload.order });
      return;
    }
    default:
      return;
  }
}

/** The order of a list's aisles. */
export const aislesOf = (
  lists: ReadonlyMap<StreamId, ListInfo>,
  streamId: StreamId,
): readonly Category[] => lists.get(streamId)?.aisles ?? DEFAULT_AISLES;

/** What undoes a list event, given the list rows just before it. */
export function invertList(event: BasketEvent, lists: ListTable): Draft[] {
  const before = lists.get(event.streamId);
  switch (event.type) {
    case 'ListCreated':
      return before && !before.deleted
        ? [{ type: 'ListRenamed', payload: { name: before.name } }]
        : [{ type: 'ListDeleted', payload: {} }];
    case 'ListRenamed':
      return [{ type: 'ListRenamed', payload: { name: info(lists, event.streamId).name } }];
    case 'ListDeleted':
      return [{ type: 'ListCreated', payload: { name: info(lists, event.streamId).name } }];
    case 'AislesOrdered':
      return [{ type: 'AislesOrdered', payload: { order: [...aislesOf(lists, event.streamId)] } }];
    default:
      return [];
  }
}

/**
 * The lists a person can open, oldest first: the list Basket starts with (`first`) unless it was
 * deleted, and every other list that was made and not deleted. There is always one: Basket never
 * deletes the last list, but two devices may each delete one of two, or a backup may hold the
 * deletion of every list. Then the list deleted last stays open, so there is somewhere to add.
 */
export function openLists(
  lists: ReadonlyMap<StreamId, ListInfo>,
  versions: ReadonlyMap<StreamId, number>,
  first: StreamId,
): ListInfo[] {
  const all = new Map<StreamId, ListInfo>([[first, info(lists, first)]]);
  for (const streamId of versions.keys()) all.set(streamId, info(lists, streamId));
  for (const list of lists.values()) all.set(list.streamId, list);
  const open = [...all.values()].filter((l) => !l.deleted);
  if (open.length === 0) {
    const last = [...all.values()].sort(
      (a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0) || (a.streamId < b.streamId ? -1 : 1),
    )[0];
    if (last) open.push({ ...last, deleted: false });
  }
  return open.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}
