import { DEFAULT_LIST_NAME, type ListInfo } from '../model';
import type { I18n } from '../i18n';

/** A list's name as shown: the list Basket starts with is named in the person's language. */
export const shownListName = (list: ListInfo, { t }: Pick<I18n, 't'>): string =>
  list.createdAt === 0 && list.name === DEFAULT_LIST_NAME ? t('defaultListName') : list.name;
