/**
 * A real nats-server for tests, started exactly as `npm run sync-server` starts one (the same
 * configuration, accounts and household code, scripts/*.mjs) on free loopback ports with a
 * temporary data folder, which `close()` removes. Node only (Vitest's node environment).
 *
 * When nats-server is missing, `startNatsHarness()` rejects with a message saying how to install
 * it, so the tests that need it fail rather than skip: CI installs it (.ci/run).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect, nkeyAuthenticator, type NodeConnectionOptions } from '@nats-io/transport-node';
import {
  connectAdmin,
  createHousehold,
  inviteLink,
  removeHousehold,
} from '../../../scripts/household-admin.mjs';
import {
  findNatsServer,
  inboxPrefixOf,
  natsUrlOf,
  streamOf,
  subjectsOf,
  wsUrlOf,
  type ServerLimits,
  type StoredHousehold,
  type SyncSettings,
} from '../../../scripts/nats-config.mjs';
import { launchServer, type Exit, type RunningServer } from '../../../scripts/nats-server.mjs';

/** Small, so a test machine need not have gigabytes free; still room for 14 households. */
const TEST_LIMITS: ServerLimits = { maxFileStore: 1024 * 1024 * 1024, maxMemoryStore: 64 << 20 };

export interface TestHousehold extends StoredHousehold {
  /** Its invite link, as `npm run household -- create` prints it. */
  readonly link: string;
  readonly stream: string;
  /** `basket.<id>.>` */
  readonly subjects: string;
  /** A subject of one list: `basket.<id>.<list>`. */
  subject(list: string): string;
}

export interface NatsHarness {
  readonly dir: string;
  readonly settings: SyncSettings;
  /** `nats://127.0.0.1:<port>` for TCP clients. */
  readonly natsUrl: string;
  /** `ws://127.0.0.1:<port>`, as a browser reaches it. */
  readonly wsUrl: string;
  /** The running server (pid, ports), or undefined while it is stopped. */
  readonly server: RunningServer | undefined;
  /** Starts the server again after stop() or kill(): same ports, same data folder. */
  start(): Promise<void>;
  /** Stops it cleanly (SIGTERM). */
  stop(): Promise<Exit>;
  restart(): Promise<void>;
  /** Kills it (SIGKILL), as a crash would. */
  kill(): Promise<Exit>;
  /** Makes a household with the CLI's own code. */
  createHousehold(name: string, app?: string): Promise<TestHousehold>;
  removeHousehold(nameOrId: string): Promise<void>;
  inviteLink(nameOrId: string): Promise<string>;
  /** Connects over TCP as the household's browser user, with its inbox prefix. */
  connectBrowser(
    household: StoredHousehold,
    options?: Partial<NodeConnectionOptions>,
  ): Promise<NatsConnection>;
  /** Connects over TCP as the household's admin user (the CLI's). */
  connectAdmin(
    household: StoredHousehold,
    options?: Partial<NodeConnectionOptions>,
  ): Promise<NatsConnection>;
  /** The names of every stream on the server, as its monitoring port lists them. */
  streams(): Promise<string[]>;
  /** The names of the accounts with JetStream on. */
  jetStreamAccounts(): Promise<string[]>;
  /** Stops the server (if running) and removes the data folder. */
  close(): Promise<void>;
}

export class NatsServerMissing extends Error {
  override readonly name = 'NatsServerMissing';
}

/** A port nothing listens on at this moment (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(address),
      );
    });
  });
}

async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

const withHelpers = (household: StoredHousehold, link: string): TestHousehold => ({
  ...household,
  link,
  stream: streamOf(household.id),
  subjects: subjectsOf(household.id),
  subject: (list) => `basket.${household.id}.${list}`,
});

interface Jsz {
  account_details?: { name: string; stream_detail?: { name: string }[] }[];
}
async function jsz(httpPort: number): Promise<Jsz> {
  const response = await fetch(`http://127.0.0.1:${httpPort}/jsz?accounts=true&streams=true`);
  return (await response.json()) as Jsz;
}

export async function startNatsHarness(
  options: { limits?: ServerLimits; env?: Record<string, string | undefined> } = {},
): Promise<NatsHarness> {
  const env = options.env ?? process.env;
  const found = findNatsServer(env);
  if (!found.path) {
    throw new NatsServerMissing(`These tests run against a real nats-server: ${found.problem}`);
  }
  const limits = options.limits ?? TEST_LIMITS;
  const dir = await mkdtemp(join(tmpdir(), 'basket-nats-'));
  let settings!: SyncSettings;
  let server: RunningServer | undefined;

  // Another process may take a port between picking it and binding it: pick again.
  for (let attempt = 1; ; attempt++) {
    const [port, wsPort, httpPort] = await freePorts(3);
    settings = { dir, host: '127.0.0.1', port: port!, wsPort: wsPort!, httpPort: httpPort! };
    try {
      server = await launchServer(settings, { limits, env });
      break;
    } catch (error) {
      if (attempt < 4 && /address already in use/i.test(String(error))) continue;
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  const running = () => {
    if (!server) throw new Error('the test nats-server is not running');
    return server;
  };
  const harness: NatsHarness = {
    dir,
    settings,
    natsUrl: natsUrlOf(settings),
    wsUrl: wsUrlOf(settings),
    get server() {
      return server;
    },
    async start() {
      if (server) throw new Error('the test nats-server is running already');
      server = await launchServer(settings, { limits, env });
    },
    async stop() {
      const exit = await running().stop();
      server = undefined;
      return exit;
    },
    async restart() {
      await harness.stop();
      await harness.start();
    },
    async kill() {
      const exit = await running().kill();
      server = undefined;
      return exit;
    },
    async createHousehold(name, app) {
      const { household, link } = await createHousehold({ dir, name, app });
      return withHelpers(household, link);
    },
    async removeHousehold(nameOrId) {
      await removeHousehold({ dir, nameOrId });
    },
    inviteLink: (nameOrId) => inviteLink({ dir, nameOrId }),
    connectBrowser: (household, connectOptions = {}) =>
      connect({
        servers: harness.natsUrl,
        authenticator: nkeyAuthenticator(new TextEncoder().encode(household.browser.seed)),
        inboxPrefix: inboxPrefixOf(household.id),
        name: `test browser of ${household.id}`,
        reconnect: false,
        ...connectOptions,
      }),
    connectAdmin: (household, connectOptions = {}) =>
      connectAdmin(running(), household, connectOptions),
    async streams() {
      const accounts = (await jsz(settings.httpPort)).account_details ?? [];
      return accounts.flatMap((a) => (a.stream_detail ?? []).map((stream) => stream.name));
    },
    async jetStreamAccounts() {
      return ((await jsz(settings.httpPort)).account_details ?? []).map((a) => a.name);
    },
    async close() {
      if (server) await harness.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
