import {
  jetstream,
  type Consumer,
  type ConsumerMessages,
  type JetStreamClient,
  type JsMsg,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { BasketEvent, StreamId } from '../events';
import { fromBase64Url, toBase64Url } from './invite';
import {
  SyncUnreachable,
  type ConfirmedAction,
  type SyncAction,
  type SyncBackend,
  type SyncStatus,
} from './port';
import { importSealKey, open, seal, SealBroken } from './seal';

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

/** A push the server will never take as it is: larger than a message may be (4 MiB). */
export class SyncTooLarge extends Error {
  override readonly name = 'SyncTooLarge';
}

/**
 * What `pull` hands over for a message that cannot be read: it failed to open (another key, a
 * moved subject, changed bytes, a newer seal version) or is not a dispatch. The port has no
 * word for this, so it travels as an action with no events at its place in the order, which
 * `invalid()` in engine.ts refuses ("an action with no events") and the cursor moves past;
 * `unreadable` says why, for whoever reads more than the port.
 */
export interface UnreadableAction extends ConfirmedAction {
  readonly events: readonly [];
  readonly unreadable: string;
}

const HOUSEHOLD = /^[a-z0-9]{8,64}$/;
/** A list id that is already a subject token with no `_` in it is used as it is. */
const PLAIN_TOKEN = /^[A-Za-z0-9-]+$/;
const LIST_PREFIX = 'list:';
const DEFAULT_TIMEOUT = 5_000;
/** The server's `max_payload` when the connection has not said (scripts/nats-config.mjs). */
const DEFAULT_MAX_PAYLOAD = 4 * 1024 * 1024;
/** Room for `Nats-Msg-Id: <id>` and the header block around it. */
const HEADER_ALLOWANCE = 64;
/** A fetch that waits for messages the consumer said it has: the least the client allows. */
const FETCH_EXPIRES = 2_000;
/** The server deletes a consumer nobody pulls from for this long (closed tabs leave none). */
const IDLE_CONSUMER_MS = 60_000;
/** News: how long each waiting pull lasts; the client renews it and checks heartbeats. */
const NEWS_EXPIRES = 30_000;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A list's subject token: the id after `list:` when it is letters, digits and `-` only (a UUID),
 * else `_` and the base64url of the whole id. A plain token has no `_`, so the two never meet.
 */
export function listToken(streamId: StreamId): string {
  const rest = streamId.startsWith(LIST_PREFIX) ? streamId.slice(LIST_PREFIX.length) : '';
  return PLAIN_TOKEN.test(rest) ? rest : `_${toBase64Url(utf8.encode(streamId))}`;
}

/** The list a subject token names, or undefined when it names none. */
export function streamIdOfToken(token: string): StreamId | undefined {
  if (PLAIN_TOKEN.test(token)) return `${LIST_PREFIX}${token}`;
  if (!token.startsWith('_')) return undefined;
  const bytes = fromBase64Url(token.slice(1));
  if (!bytes) return undefined;
  try {
    const id = strictUtf8.decode(bytes);
    return listToken(id) === token ? id : undefined;
  } catch {
    return undefined;
  }
}

export const streamOfHousehold = (household: string) => `HH_${household}`;
export const subjectOf = (household: string, streamId: StreamId) =>
  `basket.${household}.${listToken(streamId)}`;

/** Whether an error from the NATS client means the server could not be reached (now). */
export function isUnreachable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 6; depth += 1, e = e.cause) {
    switch (e.name) {
      case 'SyncUnreachable':
      case 'ClosedConnectionError':
      case 'DrainingConnectionError':
      case 'ConnectionError':
      case 'TimeoutError':
      case 'NoResponders': // 503: nothing answered, e.g. JetStream not up yet after a restart
      case 'JetStreamNotEnabled':
        return true;
      case 'RequestError':
        if (/disconnect|closed|timeout|no responders/i.test(e.message)) return true;
        break;
      case 'JetStreamStatusError':
      case 'JetStreamApiError': {
        const { code, status } = e as Error & { code?: number; status?: number };
        if (code === 503 || status === 503 || code === 408) return true;
        break;
      }
    }
  }
  return false;
}

function isTooLarge(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 6; depth += 1, e = e.cause) {
    if (e.name === 'InvalidArgumentError' && /max_payload/.test(e.message)) return true;
    // JSStreamMessageExceedsMaximumErr: the stream's max_msg_size.
    if (e.name === 'JetStreamApiError' && (e as Error & { code?: number }).code === 10054) {
      return true;
    }
  }
  return false;
}

/** The client's error in the port's words: SyncUnreachable, SyncTooLarge, or itself. */
function translated(error: unknown, doing: string): unknown {
  if (error instanceof SyncUnreachable || error instanceof SyncTooLarge) return error;
  if (isTooLarge(error)) {
    return new SyncTooLarge(`the server refused ${doing}: larger than a message may be`, {
      cause: error,
    });
  }
  if (isUnreachable(error)) {
    return new SyncUnreachable(`the sync server could not be reached to ${doing}`, {
      cause: error,
    });
  }
  return error;
}

interface Reader {
  readonly consumer: Consumer;
  /** The last stream sequence it has handed over: the next pull from here reuses it. */
  at: number;
}

interface Dispatch {
  deviceId: string;
  streamId: StreamId;
  events: BasketEvent[];
}

const isDispatch = (value: unknown): value is Dispatch => {
  const v = value as Partial<Dispatch> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.deviceId === 'string' &&
    typeof v.streamId === 'string' &&
    Array.isArray(v.events)
  );
};

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

  let closed = false;
  let status: SyncStatus = nc.isClosed() ? 'offline' : 'online';
  /** What is in flight stops waiting when the connection is lost. */
  const onLost = new Set<() => void>();
  const statusListeners = new Set<(status: SyncStatus) => void>();
  const newsListeners = new Set<() => void>();

  const setStatus = (next: SyncStatus) => {
    if (next === status) return;
    status = next;
    if (next === 'offline') {
      for (const giveUp of [...onLost]) giveUp();
    } else {
      // The server may have restarted: its in-memory consumers are gone.
      dropReader();
      void startNews();
      tellNews();
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

  /** `work`, unless the connection is lost or `ms` pass first. */
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

  // ——— push ———

  async function push(action: SyncAction) {
    reachable();
    const subject = subjectOf(household, action.streamId);
    const { deviceId, streamId, events } = action;
    const body = utf8.encode(JSON.stringify({ deviceId, streamId, events }));
    const sealed = await seal(await keyReady, subject, action.actionId, body);
    const limit = nc.info?.max_payload ?? DEFAULT_MAX_PAYLOAD;
    const size = sealed.length + action.actionId.length + HEADER_ALLOWANCE;
    if (size > limit) {
      throw new SyncTooLarge(
        `a dispatch of ${events.length} events is ${sealed.length} bytes sealed, more than a ` +
          `message may be (${limit} bytes)`,
      );
    }
    reachable();
    try {
      const ack = await whileConnected(
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

  // ——— pull ———

  let reader: Reader | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  /** One pull at a time: an ordered consumer takes one fetch at a time. */
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Forgets the reader; the server deletes it (now, or once idle). */
  function dropReader() {
    const old = reader;
    reader = undefined;
    if (old && status === 'online') old.consumer.delete().catch(() => undefined);
  }

  async function readerFrom(after: number): Promise<{ reader: Reader; pending: number }> {
    if (reader && reader.at === after) {
      try {
        return { reader, pending: (await reader.consumer.info()).num_pending };
      } catch (error) {
        if (isUnreachable(error)) throw error;
        dropReader(); // deleted as idle, or lost in a restart: make another
      }
    }
    dropReader();
    const consumer = await js.consumers.get(stream, {
      filter_subjects: subjects,
      opt_start_seq: after + 1,
      inactive_threshold: IDLE_CONSUMER_MS,
    });
    reader = { consumer, at: after };
    return { reader, pending: (await consumer.info(true)).num_pending };
  }

  async function fetchFrom(r: Reader, wanted: number): Promise<JsMsg[]> {
    const messages = await r.consumer.fetch({ max_messages: wanted, expires: FETCH_EXPIRES });
    const got: JsMsg[] = [];
    const reading = (async () => {
      // The client ends the fetch itself once `wanted` have come (or it expires). Breaking out
      // early would leave it unfinished, and the ordered consumer refuses the next fetch.
      for await (const m of messages) {
        got.push(m);
        r.at = m.seq;
      }
    })();
    try {
      await whileConnected(reading, FETCH_EXPIRES + timeout, 'pull');
    } catch (error) {
      messages.stop();
      if (reader === r) dropReader();
      throw error;
    }
    return got;
  }

  async function pull(after: number, limit = 256): Promise<ConfirmedAction[]> {
    return oneAtATime(async () => {
      reachable();
      if (limit < 1) return [];
      try {
        const { reader: r, pending } = await whileConnected(
          readerFrom(after),
          timeout * 2 + 500,
          'pull',
        );
        if (pending === 0) return [];
        const messages = await fetchFrom(r, Math.min(limit, pending));
        const key = await keyReady;
        return Promise.all(messages.map((m) => readMessage(key, m)));
      } catch (error) {
        throw translated(error, 'pull');
      }
    });
  }

  async function readMessage(key: CryptoKey, m: JsMsg): Promise<ConfirmedAction> {
    const serverSeq = m.seq;
    const actionId = m.headers?.get('Nats-Msg-Id') ?? '';
    const listOfSubject = m.subject.startsWith(prefix)
      ? streamIdOfToken(m.subject.slice(prefix.length))
      : undefined;
    // Not to be applied: see UnreadableAction.
    const unreadable = (why: string): UnreadableAction => ({
      actionId,
      deviceId: '',
      streamId: listOfSubject ?? '',
      events: [],
      serverSeq,
      unreadable: why,
    });
    if (actionId === '') return unreadable('a message with no id');
    if (listOfSubject === undefined) return unreadable(`a message on no list (${m.subject})`);
    let body: Uint8Array;
    try {
      body = await open(key, m.subject, actionId, m.data);
    } catch (error) {
      if (error instanceof SealBroken) return unreadable(error.message);
      throw error;
    }
    let dispatch: unknown;
    try {
      dispatch = JSON.parse(strictUtf8.decode(body));
    } catch {
      return unreadable('a message whose body is not JSON');
    }
    if (!isDispatch(dispatch)) return unreadable('a message that is no dispatch');
    if (dispatch.streamId !== listOfSubject) {
      return unreadable('a dispatch for another list than its subject’s');
    }
    const { deviceId, streamId, events } = dispatch;
    return { actionId, deviceId, streamId, events, serverSeq };
  }

  // ——— news ———

  let news: { consumer: Consumer; messages: ConsumerMessages } | undefined;
  let newsStarting = false;
  let newsFailures = 0;
  let telling = false;

  /** Tells every listener, once per tick however many messages came. */
  function tellNews() {
    if (telling || closed) return;
    telling = true;
    queueMicrotask(() => {
      telling = false;
      if (closed) return;
      for (const listener of newsListeners) safely(listener);
    });
  }

  async function startNews() {
    if (news || newsStarting || closed || newsListeners.size === 0 || status !== 'online') return;
    newsStarting = true;
    try {
      const { state } = await (await js.streams.get(stream)).info(true);
      const consumer = await js.consumers.get(stream, {
        filter_subjects: subjects,
        opt_start_seq: state.last_seq + 1,
        headers_only: true,
        inactive_threshold: IDLE_CONSUMER_MS,
      });
      const messages = await consumer.consume({
        max_messages: 16,
        expires: NEWS_EXPIRES,
        callback: () => tellNews(),
      });
      const mine = { consumer, messages };
      news = mine;
      newsFailures = 0;
      void messages.closed().then(() => {
        // Stopped by the client itself (it gave up re-making the consumer): start again on
        // the next reconnect, or now if still connected.
        if (news !== mine) return;
        news = undefined;
        if (status === 'online') setTimeout(() => void startNews(), 1_000);
      });
      if (closed || newsListeners.size === 0) await stopNews();
    } catch {
      // Offline: tried again on the next reconnect. Online (a timeout, JetStream still
      // starting): tried again in a moment.
      newsFailures += 1;
      const wait = Math.min(30_000, 1_000 * 2 ** Math.min(newsFailures, 5));
      if (status === 'online') setTimeout(() => void startNews(), wait);
    } finally {
      newsStarting = false;
    }
  }

  async function stopNews() {
    const running = news;
    news = undefined;
    if (!running) return;
    await running.messages.close();
    if (status === 'online') await bounded(running.consumer.delete(), 1_000);
  }

  return {
    push,
    pull,
    onNews(listener) {
      newsListeners.add(listener);
      void startNews();
      return () => {
        newsListeners.delete(listener);
        if (newsListeners.size === 0) void stopNews();
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    status: () => (closed ? 'offline' : status),
    async close() {
      if (closed) return;
      closed = true;
      newsListeners.clear();
      statusListeners.clear();
      (statuses as { stop?: () => void }).stop?.();
      await stopNews();
      await oneAtATime(async () => {
        const old = reader;
        reader = undefined;
        if (old && status === 'online' && !nc.isClosed()) {
          await bounded(old.consumer.delete(), 1_000);
        }
      });
    },
  };
}

function safely(call: () => void) {
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
async function bounded(work: Promise<unknown>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}
