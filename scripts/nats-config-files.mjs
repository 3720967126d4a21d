// The nats-server configuration files written from the settings and households (part of
// scripts/nats-config.mjs).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountOf, ADMIN_PERMISSIONS, browserPermissions } from './nats-accounts.mjs';
import { FILES, LIMITS, SERVER_LIMITS } from './nats-settings.mjs';

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
