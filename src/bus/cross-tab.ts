/**
 * Tells other tabs of this origin that the log grew. It carries no events: each tab reads what
 * it has not folded yet from the store, so a missed or repeated message costs nothing.
 */
export interface CrossTab {
  announce(lastSeq: number): void;
  listen(onGrown: () => void): () => void;
  close(): void;
}

export function broadcastCrossTab(name = 'basket'): CrossTab | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    announce: (lastSeq) => channel.postMessage({ lastSeq }),
    listen(onGrown) {
      const handler = () => onGrown();
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}
