import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * The service worker's prompt flow: a new version waits until the person chooses to reload,
 * so nothing being typed is lost to a silent reload.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: (error: unknown) => console.error('Service worker registration failed', error),
  });

  if (needRefresh) {
    return (
      <aside className="banner toast" aria-label="Update">
        New version of Basket.{' '}
        <button type="button" className="primary" onClick={() => void updateServiceWorker(true)}>
          Reload
        </button>{' '}
        <button type="button" className="quiet" onClick={() => setNeedRefresh(false)}>
          Later
        </button>
      </aside>
    );
  }
  if (offlineReady) {
    return (
      <aside className="banner toast" aria-label="Offline">
        Basket now works offline.{' '}
        <button type="button" className="quiet" onClick={() => setOfflineReady(false)}>
          OK
        </button>
      </aside>
    );
  }
  return null;
}
