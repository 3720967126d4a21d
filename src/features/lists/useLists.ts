import { useMemo } from 'react';
import { DEFAULT_STREAM } from '../../events';
import { useBasketState } from '../../bus';
import { openLists, type ListInfo } from '../../model';
import { useI18n } from '../../i18n';
import { shownListName } from '../../ui/list-name';

export interface ShownList {
  readonly streamId: string;
  readonly name: string;
  readonly info: ListInfo;
}

/** The open lists, named as shown, and which one is on screen: for the switcher, sidebar, menu. */
export function useLists() {
  const list = useBasketState((s) => s.list);
  const current = useBasketState((s) => s.currentList);
  const i18n = useI18n();
  const lists = useMemo<ShownList[]>(
    () =>
      openLists(list.lists, list.versions, DEFAULT_STREAM).map((info) => ({
        streamId: info.streamId,
        name: shownListName(info, i18n),
        info,
      })),
    [list, i18n],
  );
  const name = lists.find((l) => l.streamId === current)?.name ?? '';
  return { lists, current, name };
}
