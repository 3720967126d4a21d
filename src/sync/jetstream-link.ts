import type { NatsConnection } from '@nats-io/nats-core';
import { SyncUnreachable, type SyncStatus } from './port';

/**
 * The connection as the backend sees it: online or offline from the connection's status
 * iterator (`disconnect` and `close` are offline, `reconnect` is online), whether the backend
 * was closed, and how long work may wait on it.
 */
export interface Link {
  /** The connection's status as last seen; the backend says offline once closed, too. */
  readonly status: SyncStatus;
  readonly closed: boolean;
  /** Throws SyncUnreachable while offline or closed: nothing is handed to the client's buffer. */
  reachable(): void;
  /** `work`, unless the connection is lost or `ms` pass first. */
  whileConnected<T>(work: Promise<T>, ms: number, doing: string): Promise<T>;
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Marks the backend closed, forgets the listeners and stops following the connection. */
  close(): void;
}

/** Follows `nc`; `onOnline` runs on every reconnect, before the status listeners are told. */
export function createLink(nc: NatsConnection, onOnline: () => void): Link {
  let closed = false;
  let status: SyncStatus = nc.isClosed() ? 'offline' : 'online';
  /** What is in flight stops waiting when the connection is lost. */
  const onLost = new Set<() => void>();
  const statusListeners = new Set<(status: SyncStatus) => void>();

  const setStatus = (next: SyncStatus) => {
    if (next === status) return;
    status = next;
    if (next === 'offline') {
      for (const giveUp of [...onLost]) giveUp();
    } else {
      onOnline();
    }
    for (const listener of statusListeners) safely(() => listener(next));
  };

  const statuses = nc.status();
  void (async () => {
    for await (const s of statuses) {
      if (s.type === 'disconnect' || s.type === 'close') setStatus('offline');
      else if (s.type === 'reconnect') setStatus('online');
    }
  })();
  void nc.closed().then(() => setStatus('offline'));

  const reachable = () => {
    if (closed) throw new SyncUnreachable('this sync connection was closed');
    if (nc.isClosed() || status === 'offline') {
      throw new SyncUnreachable('the sync server cannot be reached');
    }
  };

  async function whileConnected<T>(work: Promise<T>, ms: number, doing: string): Promise<T> {
    work.catch(() => undefined); // it may settle after we stopped waiting
    let timer: ReturnType<typeof setTimeout> | undefined;
    let giveUp = () => {};
    const gaveUp = new Promise<never>((_, reject) => {
      const fail = (why: string) => reject(new SyncUnreachable(`${doing}: ${why}`));
      timer = setTimeout(() => fail(`no answer within ${ms} ms`), ms);
      giveUp = () => fail('the connection was lost');
      onLost.add(giveUp);
    });
    try {
      return await Promise.race([work, gaveUp]);
    } finally {
      clearTimeout(timer);
      onLost.delete(giveUp);
    }
  }

  return {
    get status() {
      return status;
    },
    get closed() {
      return closed;
    },
    reachable,
    whileConnected,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      closed = true;
      statusListeners.clear();
      (statuses as { stop?: () => void }).stop?.();
    },
  };
}

export function safely(call: () => void) {
  try {
    call();
  } catch (error) {
    // A listener's failure is its own; the others are still told.
    queueMicrotask(() => {
      throw error;
    });
  }
}

/** Waits for `work` at most `ms`, ignoring how it ends: for best-effort clean-up. */
export async function bounded(work: Promise<unknown>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}
