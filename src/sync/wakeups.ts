import type { Wakeups } from './household-types';

/** The browser's wakeups: `online`, and the page becoming visible. */
export const browserWakeups: Wakeups = {
  listen(wake) {
    if (typeof window === 'undefined') return () => {};
    const onVisible = () => {
      if (document.visibilityState === 'visible') wake();
    };
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', onVisible);
    };
  },
};
