// What `npm run household` does, as functions the test harness calls too: make a household
// (its account, keys, stream and encryption key), print its invite again, list and remove them.
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { awaitReload, connectAdmin, serverFor } from './household-connect.mjs';
import { HouseholdError } from './household-error.mjs';
import { locked } from './household-lock.mjs';
import { encodeInvite } from './invite.mjs';
import {
  DEFAULTS,
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
import { reloadServer, runningServer } from './nats-server.mjs';

export { connectAdmin } from './household-connect.mjs';
export { HouseholdError } from './household-error.mjs';

const NAME_MAX = 100;

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

/** How long a stream add may keep meeting the store failure below before it is given up. */
const STORE_RETRY_FOR = 10_000;

/**
 * Adds the household's stream. Just after a reload, nats-server 2.9 sometimes answers an add with
 * "error creating store for stream" (JetStream error 10049; the cause goes only to its own log)
 * while it is still setting up the new account's JetStream; the same add moments later succeeds,
 * and an add of an identical config is idempotent, so it is asked again until `STORE_RETRY_FOR`.
 */
async function addStream(jsm, config) {
  const deadline = Date.now() + STORE_RETRY_FOR;
  for (;;) {
    try {
      return await jsm.streams.add(config);
    } catch (error) {
      if (!/error creating store for stream/i.test(error?.message) || Date.now() > deadline) {
        throw error;
      }
      await sleep(100);
    }
  }
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
        await addStream(jsm, streamConfig(id));
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
