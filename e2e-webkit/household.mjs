// @ts-check
/**
 * A real nats-server for the WebKit household flow, started exactly as `npm run sync-server`
 * starts one and as the Playwright suite's harness does (src/sync/nats/harness.ts): Basket's own
 * scripts/*.mjs write the configuration and accounts and make the household, on free loopback
 * ports with a temporary data folder, which `close()` removes. (The harness itself is TypeScript,
 * which Node 20 cannot import without a loader; this is its start-up, in a few lines.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHousehold } from '../scripts/household-admin.mjs';
import { findNatsServer } from '../scripts/nats-config.mjs';
import { launchServer } from '../scripts/nats-server.mjs';
import { freePort } from './webkit.mjs';

/** Small, as in the harness, so a test machine need not have gigabytes free. */
const TEST_LIMITS = { maxFileStore: 1024 * 1024 * 1024, maxMemoryStore: 64 << 20 };

/** Starts the server; rejects with how to install nats-server when it is missing. */
export async function startNats() {
  const found = findNatsServer(process.env);
  if (!found.path) {
    throw new Error(`The household flow runs against a real nats-server: ${found.problem}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'basket-nats-'));
  /** @type {Awaited<ReturnType<typeof launchServer>> | undefined} */
  let server;
  // Another process may take a port between picking it and binding it: pick again.
  for (let attempt = 1; !server; attempt++) {
    const ports = new Set();
    while (ports.size < 3) ports.add(await freePort());
    const [port, wsPort, httpPort] = /** @type {[number, number, number]} */ ([...ports]);
    try {
      server = await launchServer(
        { dir, host: '127.0.0.1', port, wsPort, httpPort },
        { limits: TEST_LIMITS, env: process.env },
      );
    } catch (error) {
      if (attempt < 4 && /address already in use/i.test(String(error))) continue;
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }
  const running = server;
  return {
    dir,
    /**
     * Makes a household with the CLI's own code; its invite link opens `app`.
     * @param {string} name
     * @param {string} app
     */
    async createHousehold(name, app) {
      return (await createHousehold({ dir, name, app })).link;
    },
    async close() {
      try {
        await running.stop();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
