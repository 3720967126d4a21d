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

/** Calls `listener` whenever the page is hidden (the person may be leaving); returns a stop. */
export function browserHidden(listener: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  const onChange = () => {
    if (document.visibilityState === 'hidden') listener();
  };
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** Calls `wake` when this tab is brought into view; returns a stop. */
export function bringsIntoView(wake: () => void): () => void {
  if (typeof document === 'undefined') return () => {};
  const onVisible = () => {
    if (document.visibilityState === 'visible') wake();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => document.removeEventListener('visibilitychange', onVisible);
}
