import type { Consumer, ConsumerMessages, JetStreamClient } from '@nats-io/jetstream';
import { bounded, safely, type Link } from './jetstream-link';
import { IDLE_CONSUMER_MS } from './jetstream-pull';

/** News: how long each waiting pull lasts; the client renews it and checks heartbeats. */
const NEWS_EXPIRES = 30_000;

export interface NewsOptions {
  readonly js: JetStreamClient;
  readonly stream: string;
  /** The household's subjects, `basket.<h>.>`: the consumer's one filter. */
  readonly subjects: string;
  readonly link: Link;
}

/**
 * `onNews`: a `headers_only` ordered consumer from after the stream's last message, consumed
 * while someone listens (see createJetStreamBackend). `start` and `tell` run on every
 * reconnect; `stop` when the last listener leaves or the backend closes.
 */
export function createNews(options: NewsOptions) {
  const { js, stream, subjects, link } = options;
  const newsListeners = new Set<() => void>();
  let news: { consumer: Consumer; messages: ConsumerMessages } | undefined;
  let newsStarting = false;
  let newsFailures = 0;
  let telling = false;

  /** Tells every listener, once per tick however many messages came. */
  function tellNews() {
    if (telling || link.closed) return;
    telling = true;
    queueMicrotask(() => {
      telling = false;
      if (link.closed) return;
      for (const listener of newsListeners) safely(listener);
    });
  }

  async function startNews() {
    if (news || newsStarting || link.closed || newsListeners.size === 0) return;
    if (link.status !== 'online') return;
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
        if (link.status === 'online') setTimeout(() => void startNews(), 1_000);
      });
      if (link.closed || newsListeners.size === 0) await stopNews();
    } catch {
      // Offline: tried again on the next reconnect. Online (a timeout, JetStream still
      // starting): tried again in a moment.
      newsFailures += 1;
      const wait = Math.min(30_000, 1_000 * 2 ** Math.min(newsFailures, 5));
      if (link.status === 'online') setTimeout(() => void startNews(), wait);
    } finally {
      newsStarting = false;
    }
  }

  async function stopNews() {
    const running = news;
    news = undefined;
    if (!running) return;
    await running.messages.close();
    if (link.status === 'online') await bounded(running.consumer.delete(), 1_000);
  }

  function onNews(listener: () => void) {
    newsListeners.add(listener);
    void startNews();
    return () => {
      newsListeners.delete(listener);
      if (newsListeners.size === 0) void stopNews();
    };
  }

  /** The backend closed: nobody is told any more, and the consumer goes. */
  async function close() {
    newsListeners.clear();
    await stopNews();
  }

  return { onNews, start: startNews, tell: tellNews, close };
}
