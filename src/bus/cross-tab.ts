import type { ChangeFeed } from './catch-up';

/**
 * Tells other tabs of this origin that the log grew. It carries no events: each tab reads what
 * it has not folded yet from the store, so a missed or repeated message costs nothing.
 */
export interface CrossTab extends ChangeFeed {
  /** The log grew, up to `lastSeq`: fold in what is new. */
  announce(lastSeq: number): void;
  /** The log was merged or the read model rebuilt: positions changed, reload the list. */
  announceReset(): void;
  close(): void;
}

export function broadcastCrossTab(name = 'basket'): CrossTab | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    announce: (lastSeq) => channel.postMessage({ lastSeq }),
    announceReset: () => channel.postMessage({ reset: true }),
    listen(onGrown, onReset) {
      const handler = (event: MessageEvent) => {
        const data = event.data as { reset?: boolean; lastSeq?: unknown } | null;
        const seq = data?.lastSeq;
        if (data?.reset) onReset();
        else onGrown(typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : undefined);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}
