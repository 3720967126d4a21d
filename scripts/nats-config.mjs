// Basket's sync server configuration, in one place: where its data lives, which ports it uses,
// the nats-server configuration written from them, one NATS account per household with the least
// privilege a browser needs (SYNC.md §2, §7), and the households' secrets on disk.
//
// Used by `npm run sync-server`, `npm run household` and the test harness
// (src/sync/nats/harness.ts), so the server the tests start is the one a person runs.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { createUser } from '@nats-io/nkeys';

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

export const INSTALL_HINT =
  'Install it with `sudo apt-get install -y nats-server` (Debian or Ubuntu), or download a ' +
  'release from https://github.com/nats-io/nats-server/releases and set NATS_SERVER to its path.';

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

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The nats-server executable: `NATS_SERVER` if set (and then only that one), else the first in
 * PATH, /usr/sbin (where Debian puts it), /usr/bin or /usr/local/bin.
 * Returns `{ path }` or `{ problem }`, a sentence saying what is missing and how to install it.
 */
export function findNatsServer(env = process.env) {
  if (env.NATS_SERVER) {
    if (executable(env.NATS_SERVER)) return { path: env.NATS_SERVER };
    return {
      problem: `NATS_SERVER is "${env.NATS_SERVER}", which is not an executable file. ${INSTALL_HINT}`,
    };
  }
  const dirs = [...(env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs.filter((d) => d && isAbsolute(d))) {
    const path = join(dir, 'nats-server');
    if (executable(path)) return { path };
  }
  return { problem: `nats-server was not found (looked in PATH and /usr/sbin). ${INSTALL_HINT}` };
}

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

// ——— the configuration files ———

const q = (value) => JSON.stringify(value);

/** nats.conf: the server, its listeners and JetStream. Accounts come from accounts.conf. */
export function serverConfig(settings, state, limits = SERVER_LIMITS) {
  return `# Basket's sync server. Written by scripts/nats-config.mjs each time it starts: edit that.
server_name: ${q(state.serverName)}
host: ${q(settings.host)}
port: ${settings.port}
http: ${q(`127.0.0.1:${settings.httpPort}`)}
pid_file: ${q(join(settings.dir, FILES.pid))}
# One NATS message is one dispatch; a large clear is about 0.8 MB (SYNC.md §4).
max_payload: ${LIMITS.maxMsgSize}
jetstream {
  store_dir: ${q(settings.dir)}
  max_file_store: ${limits.maxFileStore}
  max_memory_store: ${limits.maxMemoryStore}
}
# Browsers connect here. Plain ws:// is for 127.0.0.1 only: for real use put a TLS proxy in
# front (wss://) or give this block a tls { cert_file, key_file } and drop no_tls.
websocket {
  host: ${q(settings.host)}
  port: ${settings.wsPort}
  no_tls: true
}
include ${q(FILES.accounts)}
`;
}

/**
 * accounts.conf: the system account and one account per household, each with JetStream limits,
 * the CLI's admin user and the browsers' user, both nkeys (only public keys are written here).
 * There is no top-level `authorization` block: every user belongs to an account.
 */
export function accountsConfig(state) {
  const accounts = {
    // The system account's user keeps the server closed to anyone without a key even before
    // the first household exists.
    SYS: { users: [{ nkey: state.system.publicKey }] },
  };
  for (const h of state.households) {
    accounts[accountOf(h.id)] = {
      jetstream: {
        max_file: LIMITS.accountMaxFile,
        max_mem: LIMITS.accountMaxMem,
        max_streams: 1,
        max_consumers: LIMITS.maxConsumers,
      },
      users: [
        { nkey: h.admin.publicKey, permissions: ADMIN_PERMISSIONS },
        { nkey: h.browser.publicKey, permissions: browserPermissions(h.id) },
      ],
    };
  }
  return `# Basket's households, one account each. Written by scripts/nats-config.mjs from
# households.json whenever a household is made or removed: do not edit.
system_account: SYS
accounts: ${JSON.stringify(accounts, null, 2)}
`;
}

/** Writes a file whole or not at all, readable by its owner only. */
export function writePrivate(path, text) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}

export function ensureDataDir(dir) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Writes nats.conf and accounts.conf for these settings and households. */
export function writeServerConfig(settings, state, limits = SERVER_LIMITS) {
  ensureDataDir(settings.dir);
  writeAccounts(settings.dir, state);
  const path = join(settings.dir, FILES.config);
  writePrivate(path, serverConfig(settings, state, limits));
  return path;
}

export function writeAccounts(dir, state) {
  writePrivate(join(dir, FILES.accounts), accountsConfig(state));
}

// ——— the households' secrets: households.json ———

const seedOf = (pair) => new TextDecoder().decode(pair.getSeed());
export function newUserKey() {
  const pair = createUser();
  return { publicKey: pair.getPublicKey(), seed: seedOf(pair) };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** 16 letters and digits, 80 random bits: a subject token, and an account and stream name. */
export function newHouseholdId() {
  return [...randomBytes(16)].map((b) => BASE32[b & 31]).join('');
}

/** A fresh AES-GCM-256 key, base64url. */
export const newEncryptionKey = () => randomBytes(32).toString('base64url');

export function newState() {
  return {
    version: 1,
    serverName: `basket-${newHouseholdId()}`,
    system: newUserKey(),
    households: [],
  };
}

/** The data folder's households (and their secrets), made on first use. */
export function readState(dir) {
  const path = join(dir, FILES.state);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    const state = newState();
    ensureDataDir(dir);
    writeState(dir, state);
    return state;
  }
  const state = JSON.parse(text);
  if (state?.version !== 1 || !Array.isArray(state.households)) {
    throw new Error(`${path} is not a Basket households file`);
  }
  return state;
}

export function writeState(dir, state) {
  writePrivate(join(dir, FILES.state), `${JSON.stringify(state, null, 2)}\n`);
}

/** A household by its name (as given) or its id. */
export function findHousehold(state, nameOrId) {
  return (
    state.households.find((h) => h.name === nameOrId) ??
    state.households.find((h) => h.id === nameOrId)
  );
}
