import { jetstream } from '@nats-io/jetstream';
import { nkeyAuthenticator, wsconnect, type NatsConnection } from '@nats-io/nats-core';

/**
 * The sync rows' baselines (bench/sync.ts), in the benchmark page: raw NATS over the same kind of
 * connection as a device's, a browser WebSocket as the household's browser user, with none of
 * Basket's work (no sealing, no store, no React).
 */

/** A household's browser user, as its invite link gives it. */
export interface NatsAccount {
  readonly server: string;
  readonly household: string;
  readonly seed: string;
}

const now = () => performance.now();
const connect = (account: NatsAccount) =>
  wsconnect({
    servers: account.server,
    authenticator: nkeyAuthenticator(new TextEncoder().encode(account.seed)),
    inboxPrefix: `_INBOX_${account.household}`,
    reconnect: false,
  });

let held: NatsConnection | null = null;

export const natsBaselines = {
  /**
   * `count` round trips (PING, then the server's PONG: `flush()`, which `rtt()` times with a
   * millisecond clock) on one connection, kept open between calls as a device keeps its own.
   */
  async roundTrips(account: NatsAccount, count: number) {
    held ??= await connect(account);
    const out: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const t = now();
      await held.flush();
      out.push(now() - t);
    }
    return out;
  },

  async closeRoundTrips() {
    await held?.close();
    held = null;
  },

  /**
   * Connects anew and reads the household's whole stream through one ordered consumer, as
   * `consume()` hands it over: every message's bytes counted, none opened or stored. Timed from
   * the connect (a joining device connects too) to the `expected`th message.
   */
  async orderedRead(account: NatsAccount, expected: number, timeout = 60_000) {
    const t = now();
    const nc = await connect(account);
    const connected = now() - t;
    let count = 0;
    let bytes = 0;
    let last = 0;
    try {
      const js = jetstream(nc);
      const consumer = await js.consumers.get(`HH_${account.household}`, {
        filter_subjects: `basket.${account.household}.>`,
      });
      const messages = await consumer.consume();
      const timer = setTimeout(() => messages.stop(), timeout);
      for await (const m of messages) {
        count += 1;
        bytes += m.data.length;
        last = m.seq;
        if (count === expected || m.info.pending === 0) break;
      }
      clearTimeout(timer);
      const ms = now() - t;
      if (count !== expected) {
        throw new Error(`the ordered consumer read ${count} messages, not ${expected}`);
      }
      return { ms, connected, count, bytes, last };
    } finally {
      await nc.close();
    }
  },
};
