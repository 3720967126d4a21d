import { useSyncExternalStore } from 'react';

/** Where the lists get a sidebar of their own beside the open one (see app.css, "wide"). */
const WIDE = '(min-width: 1024px)';

const query = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(WIDE)
    : null;

function subscribe(changed: () => void) {
  const media = query();
  media?.addEventListener('change', changed);
  return () => media?.removeEventListener('change', changed);
}

/** Whether the screen is wide enough for a sidebar; false where the browser cannot tell. */
export const useWide = () =>
  useSyncExternalStore(
    subscribe,
    () => query()?.matches ?? false,
    () => false,
  );
