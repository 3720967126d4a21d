import { useBasketState } from '../bus';
import { useI18n } from '../i18n';

/** Says plainly when changes are not being kept, for as long as that is true. */
export function StorageBanner() {
  const storage = useBasketState((s) => s.storage);
  const { t } = useI18n();
  switch (storage) {
    case 'saved':
      return null;
    case 'memory':
      return (
        <aside className="banner warning" aria-label={t('storageRegion')}>
          <strong>{t('memoryTitle')}</strong> {t('memoryText')}
        </aside>
      );
    case 'blocked':
      return (
        <aside className="banner warning" aria-label={t('storageRegion')}>
          <strong>{t('blockedTitle')}</strong> {t('blockedText')}
        </aside>
      );
    case 'outdated':
      return (
        <aside className="banner warning" aria-label={t('storageRegion')} role="alert">
          <strong>{t('outdatedTitle')}</strong> {t('outdatedText')}{' '}
          <button type="button" onClick={() => location.reload()}>
            {t('reload')}
          </button>
        </aside>
      );
    case 'cleared':
      return (
        <aside className="banner warning" aria-label={t('storageRegion')} role="alert">
          <strong>{t('clearedTitle')}</strong> {t('databaseCleared')}{' '}
          <button type="button" onClick={() => location.reload()}>
            {t('reload')}
          </button>
        </aside>
      );
    default: {
      const _exhaustive: never = storage;
      return _exhaustive;
    }
  }
}
