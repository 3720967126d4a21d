import type { EventContext } from '../model';
import { thisDevice } from './remembered-household';

/** Ids and times, as the browser gives them: what a dispatch is stamped with. */
export const systemContext: EventContext = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
  device: () => ({ id: thisDevice() }),
};

/**
 * Runs background work when the page has nothing better to do: a second from now, at its next
 * idle moment. (A catch-up idles between its batches; the second lets housekeeping see that the
 * log is still growing, and wait.)
 */
export const browserIdle = (work: () => void) =>
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 5000 });
    else work();
  }, 1000);

/** Calls `listener` whenever the page's visibility becomes `state`; returns a stop. */
function onVisibility(state: DocumentVisibilityState, listener: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  const onChange = () => {
    if (document.visibilityState === state) listener();
  };
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** Calls `listener` whenever the page is hidden (the person may be leaving); returns a stop. */
export const browserHidden = (listener: () => void) => onVisibility('hidden', listener);

/** Calls `wake` when this tab is brought into view; returns a stop. */
export const bringsIntoView = (wake: () => void) => onVisibility('visible', wake);
