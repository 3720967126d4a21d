import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { sealDispatch } from './jetstream-body';
import { SyncTooLarge, translated } from './jetstream-errors';
import { createLink } from './jetstream-link';
import { createNews } from './jetstream-news';
import { createPuller } from './jetstream-pull';
import { HOUSEHOLD, streamOfHousehold, subjectOf } from './jetstream-subjects';
import type { SyncAction, SyncBackend } from './port';
import { importSealKey } from './seal';

export type { UnreadableAction } from './jetstream-body';
export { isUnreachable, SyncTooLarge } from './jetstream-errors';
export { listToken, streamIdOfToken, streamOfHousehold, subjectOf } from './jetstream-subjects';

/**
 * The sync port over NATS JetStream (issue 13, SYNC.md §7), for one household `h`: its stream
 * `HH_<h>`, one subject per list `basket.<h>.<list>`, one message per dispatch with
 * `Nats-Msg-Id` = the action id (the server dedupes a retry), the stream's sequence as the
 * household's one order, and every body sealed (src/sync/seal.ts) so the server holds only
 * ciphertext.
 *
 * It runs over a connection the caller has made and owns (the browser a `wsconnect` one, Node
 * a transport-node TCP one), as the household's browser user with `inboxPrefix: "_INBOX_<h>"`
 * and `maxReconnectAttempts: -1`: that user may subscribe to nothing but its inbox, so every
 * read goes through ordered consumers (SYNC.md §2). `close()` stops this backend's consumers
 * and leaves the connection open; closing that is the caller's.
 */
export interface JetStreamBackendOptions {
  readonly connection: NatsConnection;
  /** The household's id (its invite's `household`). */
  readonly household: string;
  /** The household's AES-GCM-256 key: the invite's base64url text, or the key imported. */
  readonly key: CryptoKey | string;
  /** How long a push or a request to JetStream's API may wait for its answer, in ms. */
  readonly timeout?: number;
}

const DEFAULT_TIMEOUT = 5_000;
/** The server's `max_payload` when the connection has not said (scripts/nats-config.mjs). */
const DEFAULT_MAX_PAYLOAD = 4 * 1024 * 1024;
/** Room for `Nats-Msg-Id: <id>` and the header block around it. */
const HEADER_ALLOWANCE = 64;

/**
 * How it works, and why:
 *
 * - **push** seals `{ deviceId, streamId, events }` for the list's subject and the action id,
 *   and publishes it with `msgID` = the action id; the ack's `seq` is the server's order and
 *   its `duplicate` says the server had it already (within the stream's 24 h window).
 * - **pull(after, limit)** reads through one ordered consumer (`ack_policy: none`, in memory,
 *   `filter_subject` one string, as 2.9 wants), made at `opt_start_seq: after + 1` and kept
 *   while the next pull starts where the last ended. It asks the consumer how many messages are
 *   pending (the create answer, or `CONSUMER.INFO` when reused) and fetches exactly that many,
 *   up to `limit`: a pull at the end of the stream costs one round trip and never waits for a
 *   fetch to expire, and no unfinished pull request is left on the server to swallow the next
 *   message. Made again after a reconnect (the server may have restarted and lost it).
 * - **onNews** is a second ordered consumer, `headers_only`, starting after the stream's last
 *   message, with `consume()`: the server hands each new message's headers over as it is
 *   stored, and each tells the listeners (coalesced per tick) that a pull will find more. The
 *   browser user may not subscribe to the subjects themselves, and polling would cost a request
 *   every second per device for the same latency; this costs one waiting pull request renewed
 *   every 30 s plus the server's heartbeats, and a few bytes per change. It runs only while
 *   someone listens, and news is also told on every reconnect.
 * - **status** follows the connection's status iterator: `disconnect` and `close` are offline,
 *   `reconnect` is online. While offline, push and pull reject at once with SyncUnreachable
 *   (nothing is handed to the client's reconnect buffer), and one in flight when the
 *   connection drops rejects then, not at its timeout. A push the client may still deliver on
 *   reconnect is harmless: the server dedupes it by its id.
 */
export function createJetStreamBackend(options: JetStreamBackendOptions): SyncBackend {
  const { connection: nc, household } = options;
  if (!HOUSEHOLD.test(household)) throw new Error(`"${household}" is no household id`);
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const stream = streamOfHousehold(household);
  const subjects = `basket.${household}.>`;
  const prefix = `basket.${household}.`;
  const js: JetStreamClient = jetstream(nc, { timeout });
  const keyReady = typeof options.key === 'string' ? importSealKey(options.key) : options.key;

  const link = createLink(nc, () => {
    // The server may have restarted: its in-memory consumers are gone.
    puller.dropReader();
    void news.start();
    news.tell();
  });
  const puller = createPuller({ nc, js, stream, subjects, prefix, timeout, keyReady, link });
  const news = createNews({ js, stream, subjects, link });

  // ——— push ———

  async function push(action: SyncAction) {
    link.reachable();
    const subject = subjectOf(household, action.streamId);
    const { events } = action;
    const sealed = await sealDispatch(keyReady, subject, action);
    const limit = nc.info?.max_payload ?? DEFAULT_MAX_PAYLOAD;
    const size = sealed.length + action.actionId.length + HEADER_ALLOWANCE;
    if (size > limit) {
      throw new SyncTooLarge(
        `a dispatch of ${events.length} events is ${sealed.length} bytes sealed, more than a ` +
          `message may be (${limit} bytes)`,
      );
    }
    link.reachable();
    try {
      const ack = await link.whileConnected(
        js.publish(subject, sealed, { msgID: action.actionId, timeout }),
        timeout + 500,
        'push',
      );
      if (ack.stream !== stream) throw new Error(`the push was stored in ${ack.stream}`);
      return { serverSeq: ack.seq, duplicate: ack.duplicate };
    } catch (error) {
      throw translated(error, 'push');
    }
  }

  return {
    push,
    pull: puller.pull,
    onNews: news.onNews,
    onStatus: link.onStatus,
    status: () => (link.closed ? 'offline' : link.status),
    async close() {
      if (link.closed) return;
      link.close();
      await news.close();
      await puller.close();
    },
  };
}
