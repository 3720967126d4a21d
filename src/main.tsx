import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { BasketProvider, openBasket, preloadBasket } from './bus';
import { I18nProvider, initialLanguage, loadMessages, type Messages } from './i18n';
import { en } from './i18n/en';
import { says, type Sentence } from './events/sentence';
import { helpersFor, translate } from './i18n/sentence';
import { StorageError } from './store';
import { afterPaint } from './ui/after-paint';
import { downloadJson } from './ui/download';
import './app/app.css';

// The service worker's registration and update prompt wait until the list has painted.
const UpdatePrompt = lazy(() =>
  import('./app/UpdatePrompt').then(({ UpdatePrompt }) => ({ default: UpdatePrompt })),
);

const container = document.getElementById('root')!;
const root = createRoot(container);
const language = initialLanguage();
document.documentElement.lang = language;
const messagesLoaded = loadMessages(language);
let messages: Messages = en;
void messagesLoaded.then(
  (loaded) => (messages = loaded),
  () => {},
);

function bootMessage(sentence: Sentence, role: 'status' | 'alert' = 'status', offerReload = false) {
  const say = (s: Sentence) => translate(messages, s, helpersFor(messages, language));
  root.render(
    <div className="boot" role={role}>
      <p>{say(sentence)}</p>
      {offerReload && (
        <p>
          <button type="button" onClick={() => location.reload()}>
            {say(says('reload'))}
          </button>{' '}
          <button type="button" onClick={() => void exportRaw()}>
            {say(says('exportRaw'))}
          </button>
        </p>
      )}
    </div>,
  );
}

/**
 * When Basket cannot open, whatever is stored can still be taken away: every row, read without
 * this build's checks, as a backup file.
 */
async function exportRaw() {
  try {
    const { exportRawDatabase } = await import('./store/raw-export');
    downloadJson(
      `basket-raw-${new Date().toISOString().slice(0, 10)}.json`,
      await exportRawDatabase(),
    );
  } catch (error) {
    console.error('Basket could not read its database at all', error);
    alert(String(error));
  }
}

async function main() {
  const [basket, loaded] = await Promise.all([
    openBasket({
      onBlocked: () => bootMessage(says('bootBlocked'), 'alert'),
      onLoadProgress: (done, total) =>
        bootMessage(says('bootRebuilding', { percent: Math.round((100 * done) / total) })),
    }),
    messagesLoaded,
  ]);
  // Another tab may have written while this one slept in the background.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') basket.catchUp();
  });
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <BasketProvider basket={basket}>
          <I18nProvider initial={{ language, messages: loaded }}>
            <App />
            <Suspense fallback={null}>
              <UpdatePrompt />
            </Suspense>
          </I18nProvider>
        </BasketProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
  // The first add or tick must not wait for its code: fetched (from the service worker's cache,
  // after the first visit) as soon as the list has painted.
  afterPaint(() => whenIdle(preload));
}

function preload() {
  void preloadBasket().catch((error: unknown) =>
    // Not lost: the first command asks for it again, and says so if it still cannot load.
    console.warn('Basket could not fetch its command code ahead of time', error),
  );
}

/** Runs `work` when the browser has a moment (or at once, where it cannot say). */
function whenIdle(work: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 500 });
  else work();
}

main().catch((error: unknown) => {
  console.error('Basket could not start', error);
  const sentence =
    error instanceof StorageError ? error.sentence : says('bootFailed', { detail: String(error) });
  bootMessage(sentence, 'alert', true);
});
