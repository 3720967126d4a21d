// The household CLI's way to the running server: as a household's admin user, and waiting for
// a reload to take a household in (or out).
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { HouseholdError } from './household-error.mjs';
import { logTail, runningServer } from './nats-server.mjs';

const RELOAD_TIMEOUT = 15_000;

export async function serverFor(dir) {
  const server = await runningServer(dir);
  if (!server) {
    throw new HouseholdError(
      `no Basket sync server is running for ${dir}. Start it first, in another terminal: ` +
        '`npm run sync-server` (with the same BASKET_SYNC_DIR).',
    );
  }
  return server;
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
export async function awaitReload(dir, server, household, { gone = false } = {}) {
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
