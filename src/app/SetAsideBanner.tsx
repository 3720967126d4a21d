import { useBasketState } from '../bus';
import { useI18n } from '../i18n';

/**
 * Stored changes this Basket could not read are kept and exported, never dropped: and the person
 * is told they are there, for as long as they are.
 */
export function SetAsideBanner() {
  const count = useBasketState((s) => s.list.unreadable.length);
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <aside className="banner warning" aria-label={t('storageRegion')}>
      {t('setAside', { count })}
    </aside>
  );
}
