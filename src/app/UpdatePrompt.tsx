import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useBasket } from '../bus';
import { says } from '../events/sentence';
import { useI18n } from '../i18n';

/**
 * Whether the person in this tab pressed Reload. When the new version takes over, every tab it
 * controls is told at once (`controllerchange`); only the one whose person asked reloads.
 */
let reloadAsked = false;

/**
 * The service worker's prompt flow: a new version waits until the person chooses to reload,
 * so nothing being typed is lost to a silent reload, in this tab or in any other.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const basket = useBasket();
  const [updatedElsewhere, setUpdatedElsewhere] = useState(false);
  const [updateWaiting, setUpdateWaiting] = useState(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: (error: unknown) => console.error('Service worker registration failed', error),
    // Left to itself the plugin reloads every tab the new version takes over: the listener
    // below decides instead.
    onNeedReload: () => {},
  });

  // Good news, once: told where all news is told (the snackbar), which goes by itself and never
  // sits over the title or a button.
  // Reassurance, not news the person waits for: said only when the status line is free, so it
  // never takes the place of "Added Milk" and its Undo (someone busy adding has seen it work).
  useEffect(() => {
    if (!offlineReady) return;
    if (basket.getState().notice === null) basket.announce('status', says('offlineReady'));
    setOfflineReady(false);
  }, [offlineReady, setOfflineReady, basket]);

  // Workbox calls a worker "waiting" when it stays installed for 200 ms. A first install on a busy
  // page can (Firefox under load, seen in CI): there is no older version then, nothing to reload
  // for, and the prompt would sit over the page. A new version is one waiting behind an active one.
  useEffect(() => {
    if (!needRefresh) {
      setUpdateWaiting(false);
      return;
    }
    let live = true;
    void navigator.serviceWorker.getRegistration().then(
      (registration) => {
        if (!live) return;
        if (registration?.waiting && registration.active) {
          setUpdateWaiting(true);
          return;
        }
        setNeedRefresh(false);
        // Workbox will not say it is ready offline once it has said "waiting": said here instead,
        // when that first version is running.
        const first = registration?.waiting ?? registration?.installing ?? registration?.active;
        if (first?.state === 'activated') setOfflineReady(true);
        else
          first?.addEventListener('statechange', function onChange() {
            if (first.state !== 'activated') return;
            first.removeEventListener('statechange', onChange);
            setOfflineReady(true);
          });
      },
      (error: unknown) => console.error('Could not read the service worker registration', error),
    );
    return () => {
      live = false;
    };
  }, [needRefresh, setNeedRefresh, setOfflineReady]);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const workers = navigator.serviceWorker;
    // A tab no worker controlled yet is being taken over for the first time, not updated.
    let controlled = Boolean(workers.controller);
    const onControllerChange = () => {
      if (!controlled) {
        controlled = true;
      } else if (reloadAsked) {
        location.reload();
      } else {
        setUpdatedElsewhere(true);
      }
    };
    workers.addEventListener('controllerchange', onControllerChange);
    return () => workers.removeEventListener('controllerchange', onControllerChange);
  }, []);

  async function reload() {
    reloadAsked = true;
    const registration = await navigator.serviceWorker.getRegistration();
    // Nothing waiting any more (another tab got there first): this tab just loads what is new.
    if (registration?.waiting) await updateServiceWorker();
    else location.reload();
  }

  if (updatedElsewhere) {
    return (
      <aside className="banner toast" aria-label={t('updateRegion')}>
        <span role="status">{t('updatedElsewhere')}</span>{' '}
        <button type="button" className="primary" onClick={() => location.reload()}>
          {t('reload')}
        </button>{' '}
        <button type="button" className="quiet" onClick={() => setUpdatedElsewhere(false)}>
          {t('later')}
        </button>
      </aside>
    );
  }
  if (needRefresh && updateWaiting) {
    return (
      <aside className="banner toast" aria-label={t('updateRegion')}>
        {t('newVersion')}{' '}
        <button type="button" className="primary" onClick={() => void reload()}>
          {t('reload')}
        </button>{' '}
        <button type="button" className="quiet" onClick={() => setNeedRefresh(false)}>
          {t('later')}
        </button>
      </aside>
    );
  }
  return null;
}
