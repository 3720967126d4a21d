// The sync server's settings: where its data lives, which ports it uses, and the limits every
// household and the whole server keep (part of scripts/nats-config.mjs).
import { resolve } from 'node:path';

export const MiB = 1024 * 1024;

/**
 * Not 4222: Debian's nats-server package ships a systemd unit for a server of its own there, so
 * that port may well be taken (SYNC.md §9).
 */
export const DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 4322,
  wsPort: 4323,
  httpPort: 4324,
  dir: '.basket-sync',
  app: 'http://localhost:4173/',
});

/** What a household may store: one stream, and that stream's own limits below the account's. */
export const LIMITS = Object.freeze({
  /** Stream `max_bytes`: years of a household's shopping are a few MiB. */
  streamMaxBytes: 64 * MiB,
  /** The account's file storage: the stream's bytes plus room for the store's own overhead. */
  accountMaxFile: 72 * MiB,
  /** Ordered consumers keep their state in memory; no memory streams are made. */
  accountMaxMem: 1 * MiB,
  maxConsumers: 32,
  /** One message is one dispatch; a clear of 20,000 products is about 0.8 MB (SYNC.md §4). */
  maxMsgSize: 4 * MiB,
  /** A retried push with the same `Nats-Msg-Id` within this window is stored once. */
  duplicateWindowNanos: 24 * 60 * 60 * 1e9,
});

/** The whole server's JetStream reservation: every household reserves `accountMaxFile` of it. */
export const SERVER_LIMITS = Object.freeze({
  maxFileStore: 8 * 1024 * MiB,
  maxMemoryStore: 256 * MiB,
});

/** Files in the data folder. The folder and the secrets are readable by their owner only. */
export const FILES = Object.freeze({
  config: 'nats.conf',
  accounts: 'accounts.conf',
  state: 'households.json',
  record: 'server.json',
  pid: 'nats-server.pid',
  log: 'nats-server.log',
  lock: 'households.lock',
});

const port = (env, name, fallback) => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${name} must be a port number (1–65535), not "${text}"`);
  }
  return n;
};

/**
 * The server's settings from `BASKET_SYNC_*` (the server and the CLI read the same ones):
 * `BASKET_SYNC_DIR`, `BASKET_SYNC_HOST`, `BASKET_SYNC_PORT` (clients over TCP, the CLI),
 * `BASKET_SYNC_WS_PORT` (browsers), `BASKET_SYNC_HTTP_PORT` (monitoring, always on 127.0.0.1)
 * and `BASKET_SYNC_PUBLIC_URL` (the address put in invite links, e.g. `wss://sync.example.org`
 * behind a TLS proxy).
 */
export function settingsFromEnv(env = process.env, cwd = process.cwd()) {
  const host = env.BASKET_SYNC_HOST || DEFAULTS.host;
  const settings = {
    dir: resolve(cwd, env.BASKET_SYNC_DIR || DEFAULTS.dir),
    host,
    port: port(env, 'BASKET_SYNC_PORT', DEFAULTS.port),
    wsPort: port(env, 'BASKET_SYNC_WS_PORT', DEFAULTS.wsPort),
    httpPort: port(env, 'BASKET_SYNC_HTTP_PORT', DEFAULTS.httpPort),
    publicUrl: env.BASKET_SYNC_PUBLIC_URL || undefined,
  };
  const ports = [settings.port, settings.wsPort, settings.httpPort];
  if (new Set(ports).size !== ports.length) {
    throw new Error(`BASKET_SYNC_PORT, _WS_PORT and _HTTP_PORT must differ (${ports.join(', ')})`);
  }
  return settings;
}

/** Where a browser reaches the server: `ws://host:wsPort`, or the public address if one is set. */
export function wsUrlOf(settings) {
  if (settings.publicUrl) return settings.publicUrl;
  return `ws://${hostForUrl(loopbackIfWildcard(settings.host))}:${settings.wsPort}`;
}

/** Where the CLI and Node tests reach the server over TCP. */
export function natsUrlOf(settings) {
  return `nats://${hostForUrl(loopbackIfWildcard(settings.host))}:${settings.port}`;
}

const loopbackIfWildcard = (host) =>
  host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
const hostForUrl = (host) => (host.includes(':') ? `[${host}]` : host);
