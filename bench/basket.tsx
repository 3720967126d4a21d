import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../src/app/App';
import { ErrorBoundary } from '../src/app/ErrorBoundary';
import { BasketProvider, openBasket, preloadBasket } from '../src/bus';
import { I18nProvider, initialLanguage, loadMessages } from '../src/i18n';
import { afterPaint } from '../src/ui/after-paint';
import '../src/app/app.css';

/**
 * Basket booting as `src/main.tsx` boots it, on the database the query names: the side of the
 * boot race against the peer (bench/peer). Only the service worker's update prompt is left out,
 * since the benchmark serves no service worker.
 */
const root = createRoot(document.getElementById('root')!);
const language = initialLanguage();
document.documentElement.lang = language;
const name = new URLSearchParams(location.search).get('db') ?? 'basket';
const [basket, messages] = await Promise.all([
  openBasket({ storage: { name } }),
  loadMessages(language),
]);
// For the benchmark's edits and deletes (bench/versus.ts), which have no one-tap control.
window.benchBasket = basket;
root.render(
  <StrictMode>
    <ErrorBoundary>
      <BasketProvider basket={basket}>
        <I18nProvider initial={{ language, messages }}>
          <App />
        </I18nProvider>
      </BasketProvider>
    </ErrorBoundary>
  </StrictMode>,
);
// As main.tsx does once the list shows: the command code, ahead of the first tap.
afterPaint(() => void preloadBasket());

declare global {
  interface Window {
    benchBasket?: import('../src/bus').Basket;
  }
}
