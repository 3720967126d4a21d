// What `npm run household` does, as functions the test harness calls too: make a household
// (its account, keys, stream and encryption key), print its invite again, list and remove them.
import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { encodeInvite } from './invite.mjs';
import {
  DEFAULTS,
  FILES,
  findHousehold,
  newEncryptionKey,
  newHouseholdId,
  newUserKey,
  readState,
  streamConfig,
  streamOf,
  writeAccounts,
  writeState,
} from './nats-config.mjs';
import { logTail, reloadServer, runningServer } from './nats-server.mjs';

export class HouseholdError extends Error {
  name = 'HouseholdError';
}

const NAME_MAX = 100;
const RELOAD_TIMEOUT = 15_000;

async function serverFor(dir) {
  const server = await runningServer(dir);
  if (!server) {
    throw new HouseholdError(
      `no Basket sync server is running for ${dir}. Start it first, in another terminal: ` +
        '`npm run sync-server` (with the same BASKET_SYNC_DIR).',
    );
  }
  return server;
}

/** Who holds the lock file: a pid, `undefined` while it is being written, or null if nobody. */
function lockHolder(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
  if (text === '') return undefined;
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return error.code === 'EPERM' ? pid : null;
  }
}

/** One change to the households file at a time, across processes. */
async function locked(dir, work) {
  const path = join(dir, FILES.lock);
  const deadline = Date.now() + 10_000;
  let fd;
  while (fd === undefined) {
    try {
      fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = lockHolder(path);
      if (holder === null) {
        rmSync(path, { force: true }); // left behind by a command that was killed
      } else if (Date.now() > deadline) {
        throw new HouseholdError(`another household command (pid ${holder}) holds ${path}`);
      } else {
        await sleep(50);
      }
    }
  }
  try {
    return await work();
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
}

/** Connects as the household's admin user (the CLI's own), over TCP. */
export function connectAdmin(server, household, options = {}) {
  return connect({
    servers: server.natsUrl,
    authenticator: nkeyAuthenticator(new TextEncoder().encode(household.admin.seed)),
    name: 'basket-household-cli',
    reconnect: false,
    timeout: 2_000,
    ...options,
  });
}

/**
 * The server refused these credentials: it says so ("Authorization Violation"), or closes the
 * socket on them before the client has finished writing (EPIPE, ECONNRESET).
 */
const isRefusal = (error) =>
  /authorization|authentication|EPIPE|ECONNRESET/i.test(
    `${error?.name} ${error?.code} ${error?.message} ${error?.cause}`,
  );

/**
 * Tries the admin's credentials: `'refused'` (the server does not know them yet, or any more),
 * `'no-jetstream'` (known, but the account's JetStream is not on yet), or a JetStream manager.
 */
async function tryAdmin(server, household) {
  let nc;
  try {
    nc = await connectAdmin(server, household);
  } catch (error) {
    if (isRefusal(error)) return 'refused';
    throw error;
  }
  try {
    return await jetstreamManager(nc);
  } catch (error) {
    await nc.close();
    if (/jetstream not enabled|no responders|503/i.test(`${error?.name} ${error?.message}`)) {
      return 'no-jetstream';
    }
    throw error;
  }
}

/** Waits until the reloaded server lets the admin in with JetStream on (or, `gone`, refuses it). */
async function awaitReload(dir, server, household, { gone = false } = {}) {
  const deadline = Date.now() + RELOAD_TIMEOUT;
  for (;;) {
    const outcome = await tryAdmin(server, household);
    if (gone && outcome === 'refused') return undefined;
    if (typeof outcome === 'object') {
      if (!gone) return outcome;
      await outcome.getConnection().close();
    }
    if (Date.now() > deadline) {
      throw new HouseholdError(
        `the sync server did not take the new configuration within ${RELOAD_TIMEOUT / 1000} s:\n` +
          logTail(dir),
      );
    }
    await sleep(50);
  }
}

function checkName(name) {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new HouseholdError('give the household a name, e.g. "Smith family"');
  }
  if ([...name].length > NAME_MAX) {
    throw new HouseholdError(`a household's name is at most ${NAME_MAX} characters`);
  }
  return name.trim();
}

function checkApp(app) {
  let url;
  try {
    url = new URL(app);
  } catch {
    // refused below
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new HouseholdError(
      `--app is the address people open Basket at, such as ${DEFAULTS.app}, not "${app}"`,
    );
  }
}

/** The invite link of a household, on the server as it runs now (or as it ran when made). */
function linkOf(household, server, app) {
  return encodeInvite(app ?? household.app ?? DEFAULTS.app, {
    server: server?.wsUrl ?? household.server,
    household: household.id,
    name: household.name,
    seed: household.browser.seed,
    key: household.key,
  });
}

/**
 * Makes a household on the server running for `dir`: an account `HH_<id>` with an admin and a
 * browser user, the server reloaded, the stream `HH_<id>` made by the admin, and a fresh
 * AES-GCM-256 key. Resolves with `{ household, link }`.
 */
export async function createHousehold({ dir, name, app }) {
  const clean = checkName(name);
  if (app !== undefined) checkApp(app); // before anything is made
  const server = await serverFor(dir);
  return locked(dir, async () => {
    const state = readState(dir);
    if (state.households.some((h) => h.name === clean)) {
      throw new HouseholdError(`there is already a household called "${clean}"`);
    }
    let id;
    do id = newHouseholdId();
    while (state.households.some((h) => h.id === id));
    const household = {
      id,
      name: clean,
      app: app ?? DEFAULTS.app,
      server: server.wsUrl,
      createdAt: new Date().toISOString(),
      admin: newUserKey(),
      browser: newUserKey(),
      key: newEncryptionKey(),
    };
    state.households.push(household);
    writeState(dir, state);
    writeAccounts(dir, state);
    reloadServer(server);
    try {
      const jsm = await awaitReload(dir, server, household);
      try {
        await jsm.streams.add(streamConfig(id));
      } finally {
        await jsm.getConnection().close();
      }
    } catch (error) {
      // Leave nothing half made: no account without its stream.
      state.households = state.households.filter((h) => h.id !== id);
      writeState(dir, state);
      writeAccounts(dir, state);
      reloadServer(server);
      throw error;
    }
    return { household, link: linkOf(household, server, app) };
  });
}

/** The invite link again. */
export async function inviteLink({ dir, nameOrId, app }) {
  if (app !== undefined) checkApp(app);
  const household = findHousehold(readState(dir), nameOrId);
  if (!household) throw new HouseholdError(`there is no household "${nameOrId}"`);
  return linkOf(household, await runningServer(dir), app);
}

/** Names and ids, no secrets. */
export function listHouseholds({ dir }) {
  return readState(dir).households.map(({ id, name, createdAt }) => ({ id, name, createdAt }));
}

/** Deletes the household's stream (every event in it) and its account, and reloads. */
export async function removeHousehold({ dir, nameOrId }) {
  const server = await serverFor(dir);
  return locked(dir, async () => {
    const state = readState(dir);
    const household = findHousehold(state, nameOrId);
    if (!household) throw new HouseholdError(`there is no household "${nameOrId}"`);
    const nc = await connectAdmin(server, household);
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.delete(streamOf(household.id)).catch((error) => {
        if (!/stream not found/i.test(String(error))) throw error;
      });
    } finally {
      await nc.close();
    }
    state.households = state.households.filter((h) => h.id !== household.id);
    writeState(dir, state);
    writeAccounts(dir, state);
    reloadServer(server);
    await awaitReload(dir, server, household, { gone: true });
    return { id: household.id, name: household.name };
  });
}
