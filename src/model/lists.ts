import type { Category, StreamId } from '../events';
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

/** What is known of list `streamId`: a list with history but no name is the first one. */
export const listInfo = (lists: ReadonlyMap<StreamId, ListInfo>, streamId: StreamId): ListInfo =>
  lists.get(streamId) ?? { streamId, name: DEFAULT_LIST_NAME, createdAt: 0, deleted: false };

/** The order of a list's aisles. */
export const aislesOf = (
  lists: ReadonlyMap<StreamId, ListInfo>,
  streamId: StreamId,
): readonly Category[] => lists.get(streamId)?.aisles ?? DEFAULT_AISLES;

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
  const all = new Map<StreamId, ListInfo>([[first, listInfo(lists, first)]]);
  for (const streamId of versions.keys()) all.set(streamId, listInfo(lists, streamId));
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
