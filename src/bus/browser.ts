import type { EventContext } from '../model';
import { thisDevice } from './remembered-household';

/** Ids and times, as the browser gives them: what a dispatch is stamped with. */
export const systemContext: EventContext = {
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
  device: () => ({ id: thisDevice() }),
};

/** Runs background work when the page has nothing better to do. */
export const browserIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(work, { timeout: 5000 })
    : setTimeout(work, 200);

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
