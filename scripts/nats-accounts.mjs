// What a household may do: its account, stream and subjects, its users' permissions and its
// stream's limits (part of scripts/nats-config.mjs).
import { LIMITS } from './nats-settings.mjs';

// ——— what a household may do ———

export const accountOf = (id) => `HH_${id}`;
export const streamOf = (id) => `HH_${id}`;
export const subjectsOf = (id) => `basket.${id}.>`;
export const inboxPrefixOf = (id) => `_INBOX_${id}`;

/**
 * Exactly what household `id`'s browser needs with @nats-io/jetstream 3.x, and nothing else
 * (SYNC.md §2; checked against what the client sends: `jetstream/lib/jsmstream_api.js ordered()`,
 * `consumer.js`):
 * - `basket.<id>.>`: push a dispatch (js.publish is a request on the list's subject).
 * - `STREAM.INFO`: `consumers.get()` looks the stream up before making an ordered consumer.
 * - `CONSUMER.CREATE.<stream>.*.basket.<id>.>`: make the ordered consumer, filtered to the
 *   household's subjects (a broader filter does not match this subject, so it is refused).
 * - `CONSUMER.MSG.NEXT`: pull messages. `CONSUMER.INFO`: `consume()` checks its consumer after
 *   missed heartbeats. `CONSUMER.DELETE`: an ordered consumer deletes the old one on a reset.
 * - subscribe `_INBOX_<id>.>`: replies, with `inboxPrefix: "_INBOX_<id>"` on the connection.
 * Not granted: `STREAM.MSG.GET` and `DIRECT.GET` (the ordered consumer does not use them), acks
 * (ordered consumers do not ack), `$JS.API.INFO`, `STREAM.NAMES`/`LIST`, stream administration,
 * and any other subscription.
 */
export function browserPermissions(id) {
  const stream = streamOf(id);
  return {
    publish: {
      allow: [
        subjectsOf(id),
        `$JS.API.STREAM.INFO.${stream}`,
        `$JS.API.CONSUMER.CREATE.${stream}.*.${subjectsOf(id)}`,
        `$JS.API.CONSUMER.MSG.NEXT.${stream}.*`,
        `$JS.API.CONSUMER.INFO.${stream}.*`,
        `$JS.API.CONSUMER.DELETE.${stream}.*`,
      ],
    },
    subscribe: { allow: [`${inboxPrefixOf(id)}.>`] },
  };
}

/** The CLI's own user in each household's account: JetStream's API, and its replies. */
export const ADMIN_PERMISSIONS = Object.freeze({
  publish: { allow: ['$JS.API.>'] },
  subscribe: { allow: ['_INBOX.>'] },
});

/** The household's one stream (SYNC.md §7.2). */
export function streamConfig(id) {
  return {
    name: streamOf(id),
    subjects: [subjectsOf(id)],
    storage: 'file',
    num_replicas: 1,
    retention: 'limits',
    // A late device needs every event: refuse new ones when full rather than drop old ones.
    discard: 'new',
    max_bytes: LIMITS.streamMaxBytes,
    max_msgs: -1,
    max_age: 0,
    max_msg_size: LIMITS.maxMsgSize,
    // No per-subject cap: it would cut a list's history short.
    max_msgs_per_subject: -1,
    duplicate_window: LIMITS.duplicateWindowNanos,
    max_consumers: LIMITS.maxConsumers,
    allow_rollup_hdrs: false,
    deny_delete: true,
    deny_purge: true,
  };
}
