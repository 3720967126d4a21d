import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { first } from 'rxjs';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { UpdatePrompt } from './app/UpdatePrompt';
import { broadcastCrossTab, BasketProvider, createBasket, type Basket } from './bus';
import { openStore, StorageError, type StoreInterruption } from './store';
import './app/app.css';

const container = document.getElementById('root')!;
const root = createRoot(container);

function bootMessage(text: string, role: 'status' | 'alert' = 'status', offerReload = false) {
  root.render(
    <div className="boot" role={role}>
      <p>{text}</p>
      {offerReload && (
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      )}
    </div>,
  );
}

async function main() {
  let basket: Basket | null = null;
  const onInterrupt = (why: StoreInterruption) => {
    if (why === 'blocked') {
      if (basket) basket.storageChanged('blocked');
      else bootMessage('Close other Basket tabs so Basket can finish updating.', 'alert');
    } else if (why === 'unblocked') {
      basket?.storageChanged('saved');
    } else {
      basket?.storageChanged('outdated');
    }
  };
  const { store } = await openStore({ onInterrupt });
  basket = await createBasket({
    store,
    crossTab: store.kind === 'indexeddb' ? broadcastCrossTab() : null,
  });
  const live = basket;
  // Ask the browser not to evict the list once there is something worth keeping.
  if (store.kind === 'indexeddb') {
    live.committed$.pipe(first()).subscribe(() => {
      navigator.storage?.persist?.().catch((error: unknown) => {
        console.warn('Persistent storage was not granted', error);
      });
    });
  }
  // Another tab may have written while this one slept in the background.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') live.sync();
  });
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <BasketProvider basket={live}>
          <App />
          <UpdatePrompt />
        </BasketProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}

main().catch((error: unknown) => {
  console.error('Basket could not start', error);
  const text =
    error instanceof StorageError
      ? error.message
      : `Basket could not open your list: ${String(error)}. Try reloading.`;
  bootMessage(text, 'alert', true);
});
