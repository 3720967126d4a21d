import { useRegisterSW } from 'virtual:pwa-register/react';
import { useI18n } from '../i18n';

/**
 * The service worker's prompt flow: a new version waits until the person chooses to reload,
 * so nothing being typed is lost to a silent reload.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: (error: unknown) => console.error('Service worker registration failed', error),
  });

  if (needRefresh) {
    return (
      <aside className="banner toast" aria-label={t('updateRegion')}>
        {t('newVersion')}{' '}
        <button type="button" className="primary" onClick={() => void updateServiceWorker(true)}>
          {t('reload')}
        </button>{' '}
        <button type="button" className="quiet" onClick={() => setNeedRefresh(false)}>
          {t('later')}
        </button>
      </aside>
    );
  }
  if (offlineReady) {
    return (
      <aside className="banner toast" aria-label={t('offlineRegion')}>
        {t('offlineReady')}{' '}
        <button type="button" className="quiet" onClick={() => setOfflineReady(false)}>
          {t('ok')}
        </button>
      </aside>
    );
  }
  return null;
}
