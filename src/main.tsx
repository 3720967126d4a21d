import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { UpdatePrompt } from './app/UpdatePrompt';
import { BasketProvider, openBasket } from './bus';
import { StorageError } from './store';
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
  const basket = await openBasket({
    onBlocked: () => bootMessage('Close other Basket tabs so Basket can finish updating.', 'alert'),
    onLoadProgress: (done, total) =>
      bootMessage(`Rebuilding your list from its history… ${Math.round((100 * done) / total)}%`),
  });
  // Another tab may have written while this one slept in the background.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') basket.sync();
  });
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <BasketProvider basket={basket}>
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
