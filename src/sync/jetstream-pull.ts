import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { openMessage } from './jetstream-body';
import { isUnreachable, translated } from './jetstream-errors';
import { bounded, type Link } from './jetstream-link';
import type { ConfirmedAction } from './port';

/** A fetch that waits for messages the consumer said it has: the least the client allows. */
const FETCH_EXPIRES = 2_000;
/** The server deletes a consumer nobody pulls from for this long (closed tabs leave none). */
export const IDLE_CONSUMER_MS = 60_000;

interface Reader {
  readonly consumer: Consumer;
  /** The last stream sequence it has handed over: the next pull from here reuses it. */
  at: number;
}

export interface PullerOptions {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly stream: string;
  /** The household's subjects, `basket.<h>.>`: the consumer's one filter. */
  readonly subjects: string;
  /** `basket.<h>.`, before each list's token. */
  readonly prefix: string;
  readonly timeout: number;
  readonly keyReady: Promise<CryptoKey> | CryptoKey;
  readonly link: Link;
}

/**
 * `pull(after, limit)` through one ordered consumer, kept while the next pull starts where the
 * last ended (see createJetStreamBackend). `dropReader` forgets it (the connection came back:
 * the server may have lost it); `close` deletes it once no pull runs.
 */
export function createPuller(options: PullerOptions) {
  const { nc, js, stream, subjects, prefix, timeout, keyReady, link } = options;

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
    if (old && link.status === 'online') old.consumer.delete().catch(() => undefined);
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
      await link.whileConnected(reading, FETCH_EXPIRES + timeout, 'pull');
    } catch (error) {
      messages.stop();
      if (reader === r) dropReader();
      throw error;
    }
    return got;
  }

  async function pull(after: number, limit = 256): Promise<ConfirmedAction[]> {
    return oneAtATime(async () => {
      link.reachable();
      if (limit < 1) return [];
      try {
        const { reader: r, pending } = await link.whileConnected(
          readerFrom(after),
          timeout * 2 + 500,
          'pull',
        );
        if (pending === 0) return [];
        const messages = await fetchFrom(r, Math.min(limit, pending));
        const key = await keyReady;
        return Promise.all(messages.map((m) => openMessage(key, prefix, m)));
      } catch (error) {
        throw translated(error, 'pull');
      }
    });
  }

  async function close() {
    await oneAtATime(async () => {
      const old = reader;
      reader = undefined;
      if (old && link.status === 'online' && !nc.isClosed()) {
        await bounded(old.consumer.delete(), 1_000);
      }
    });
  }

  return { pull, dropReader, close };
}
