import type { ConfirmedAction, SyncAction, SyncBackend, SyncStatus } from './port';
import { SyncUnreachable } from './port';

/**
 * A sync server in memory, with one total order, for fast tests of the merge rules: it dedupes
 * by action id, as JetStream does by `Nats-Msg-Id`, and each device's connection to it can be
 * taken offline and back. Faults a real network has can be switched on: a push whose answer is
 * lost after the server kept it, and a pull that hands an action over twice.
 */
export interface MemoryServer {
  /** A device's connection. */
  connect(deviceId: string): MemoryConnection;
  /** Everything the server holds, in its order. */
  log(): readonly ConfirmedAction[];
}

export interface MemoryConnection extends SyncBackend {
  setOnline(online: boolean): void;
  /** The next push is kept by the server but its answer never arrives. */
  loseNextAck(): void;
  /** Every action of the next pull is handed over twice. */
  duplicateNextPull(): void;
}

const clone = <T>(value: T): T => structuredClone(value);

export function createMemoryServer(): MemoryServer {
  const log: ConfirmedAction[] = [];
  const byAction = new Map<string, number>();
  const news = new Set<() => void>();

  return {
    log: () => clone(log),
    connect(deviceId) {
      let online = true;
      let closed = false;
      let loseAck = false;
      let duplicate = false;
      const statusListeners = new Set<(status: SyncStatus) => void>();
      const reachable = () => {
        if (!online || closed) throw new SyncUnreachable(`${deviceId} cannot reach the server`);
      };
      const listeners = new Set<() => void>();
      const tell = () => {
        if (online && !closed) for (const listener of listeners) listener();
      };
      news.add(tell);
      return {
        async push(action) {
          reachable();
          const known = byAction.get(action.actionId);
          let result: { serverSeq: number; duplicate: boolean };
          if (known !== undefined) {
            result = { serverSeq: known, duplicate: true };
          } else {
            const serverSeq = log.length + 1;
            log.push({ ...clone(action), serverSeq });
            byAction.set(action.actionId, serverSeq);
            result = { serverSeq, duplicate: false };
            for (const listener of news) listener();
          }
          if (loseAck) {
            loseAck = false;
            throw new SyncUnreachable('the answer was lost on the way back');
          }
          return result;
        },
        async pull(after, limit = 256) {
          reachable();
          const found = clone(log.slice(Math.max(0, after), Math.max(0, after) + limit));
          if (!duplicate) return found;
          duplicate = false;
          return found.flatMap((a) => [a, clone(a)]);
        },
        onNews(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        onStatus(listener) {
          statusListeners.add(listener);
          return () => statusListeners.delete(listener);
        },
        status: () => (online && !closed ? 'online' : 'offline'),
        setOnline(next) {
          if (next === online) return;
          online = next;
          for (const listener of statusListeners) listener(next ? 'online' : 'offline');
          if (next) tell();
        },
        loseNextAck: () => (loseAck = true),
        duplicateNextPull: () => (duplicate = true),
        async close() {
          closed = true;
          news.delete(tell);
        },
      };
    },
  };
}

export type { SyncAction };
