// @vitest-environment node
/**
 * `npm run sync-server` and `npm run household`, run as a person runs them: the real commands,
 * on free ports with a temporary BASKET_SYNC_DIR.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { afterEach, describe, expect, test } from 'vitest';
import { decodeInvite, fromBase64Url, type Invite } from '../invite';
import { healthy } from '../../../scripts/nats-server.mjs';
import { freePort } from './harness';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function aDataFolder() {
  const dir = await mkdtemp(join(tmpdir(), 'basket-sync-server-'));
  folders.push(dir);
  return dir;
}

/**
 * `npm run --silent <script> -- …args`, started in a process group of its own, as a terminal
 * would start it (Ctrl+C signals the whole group).
 */
function npmRun(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** Ends whatever is left of it (after a failed test): npm, node and nats-server. */
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // all gone already
    }
  };
  return { child, output, exited, killGroup };
}

async function npmRunToEnd(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const run = npmRun(script, args, env);
  const code = await run.exited;
  return { code, ...run.output };
}

async function freeSettings() {
  const dir = await aDataFolder();
  const ports = { port: await freePort(), wsPort: await freePort(), httpPort: await freePort() };
  const env = {
    ...process.env,
    BASKET_SYNC_DIR: dir,
    BASKET_SYNC_PORT: String(ports.port),
    BASKET_SYNC_WS_PORT: String(ports.wsPort),
    BASKET_SYNC_HTTP_PORT: String(ports.httpPort),
  };
  return { dir, ports, env };
}

async function startSyncServer(env: NodeJS.ProcessEnv, wsPort: number) {
  const server = npmRun('sync-server', [], env);
  await expect
    .poll(() => server.output.stdout + server.output.stderr, { timeout: 20_000, interval: 50 })
    .toContain(`ws://127.0.0.1:${wsPort}`);
  return server;
}

/** Every file under a folder, with its text. */
async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const path = join(e.parentPath, e.name);
        return {
          path: path.slice(dir.length + 1),
          text: (await readFile(path)).toString('latin1'),
        };
      }),
  );
}

/** A dispatch sealed as the browser will seal it: AES-GCM, a fresh IV, subject‖id as AAD. */
async function seal(invite: Invite, subject: string, actionId: string, dispatch: unknown) {
  const key = await crypto.subtle.importKey('raw', fromBase64Url(invite.key)!, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(dispatch));
  const additionalData = new TextEncoder().encode(`${subject}\u0000${actionId}`);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain),
  );
  const open = async (bytes: Uint8Array) =>
    JSON.parse(
      new TextDecoder().decode(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData },
          key,
          bytes.slice(12),
        ),
      ),
    ) as unknown;
  return { bytes: Uint8Array.from([...iv, ...sealed]), open };
}

describe('npm run sync-server', () => {
  test('starts nats-server, serves a household made with npm run household, and stops cleanly on SIGTERM', async () => {
    const { dir, ports, env } = await freeSettings();
    const server = await startSyncServer(env, ports.wsPort);
    try {
      expect(server.output).toEqual({
        stdout: expect.stringMatching(/^Basket sync server ready at ws:\/\/127\.0\.0\.1:\d+ .*\n$/),
        stderr: '',
      });

      const created = await npmRunToEnd(
        'household',
        ['create', 'Smith family', '--app', 'http://localhost:4173/'],
        env,
      );
      expect(created).toMatchObject({ code: 0, stderr: '' });
      const link = created.stdout.split('\n').find((line) => line.includes('#join='));
      expect(link).toMatch(/^http:\/\/localhost:4173\/#join=[A-Za-z0-9_-]+$/);
      const reading = decodeInvite(link!);
      if (!reading.ok) throw new Error(`the link does not read: ${reading.problem}`);
      const { invite } = reading;
      expect(invite).toMatchObject({
        server: `ws://127.0.0.1:${ports.wsPort}`,
        name: 'Smith family',
      });

      const again = await npmRunToEnd('household', ['invite', 'Smith family'], env);
      expect(again).toEqual({ code: 0, stdout: `${link}\n`, stderr: '' });
      const listed = await npmRunToEnd('household', ['list'], env);
      expect(listed).toEqual({
        code: 0,
        stdout: `${invite.household}  Smith family\n`,
        stderr: '',
      });

      // A device of the household, with what the link holds: a sealed dispatch goes in and
      // comes back out.
      const nc = await connect({
        servers: `127.0.0.1:${ports.port}`,
        authenticator: nkeyAuthenticator(new TextEncoder().encode(invite.seed)),
        inboxPrefix: `_INBOX_${invite.household}`,
      });
      const subject = `basket.${invite.household}.list-groceries`;
      const dispatch = {
        events: [{ type: 'ListCreated', name: 'Groceries' }, { name: 'Oat milk' }],
      };
      const sealed = await seal(invite, subject, 'action-1', dispatch);
      const js = jetstream(nc);
      const ack = await js.publish(subject, sealed.bytes, { msgID: 'action-1' });
      const consumer = await js.consumers.get(`HH_${invite.household}`, {
        filter_subjects: `basket.${invite.household}.>`,
        opt_start_seq: ack.seq,
      });
      const stored = await consumer.next({ expires: 5_000 });
      expect(await sealed.open(stored!.data)).toEqual(dispatch);
      await nc.close();

      server.child.kill('SIGTERM'); // to npm, as `kill <pid>` would
      expect(await server.exited).toBe(0);
      expect(server.output.stdout).toContain('Basket sync server stopped.');
      expect(server.output.stderr).toBe('');
      expect(await healthy(ports.httpPort)).toBe(false);
    } finally {
      server.killGroup();
    }

    // What the data folder holds: ciphertext, public keys in the configuration, secrets in one
    // file that only its owner reads.
    const files = await filesUnder(dir);
    const secrets = JSON.parse(files.find((f) => f.path === 'households.json')!.text) as {
      households: { admin: { seed: string }; browser: { seed: string }; key: string }[];
    };
    const [household] = secrets.households;
    for (const { path, text } of files) {
      expect(text, path).not.toContain('Oat milk');
      expect(text, path).not.toContain('Groceries');
      if (path === 'households.json') continue;
      for (const secret of [household!.admin.seed, household!.browser.seed, household!.key]) {
        expect(text, path).not.toContain(secret);
      }
      expect(text, path).not.toContain('Smith family');
    }
    expect(files.map((f) => f.path)).not.toContain('server.json');
    expect((await stat(join(dir, 'households.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o077).toBe(0);
  }, 60_000);

  test('stops on Ctrl+C, and a second server for the same folder is refused', async () => {
    const { ports, env } = await freeSettings();
    const server = await startSyncServer(env, ports.wsPort);
    try {
      const second = await npmRunToEnd('sync-server', [], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('a sync server already runs for');
      process.kill(-server.child.pid!, 'SIGINT'); // Ctrl+C: the terminal signals the group
      expect(await server.exited).toBe(0);
      expect(await healthy(ports.httpPort)).toBe(false);
    } finally {
      server.killGroup();
    }
  }, 60_000);

  test('says how to install nats-server when there is none, and exits non-zero', async () => {
    const dir = await aDataFolder();
    const run = await npmRunToEnd('sync-server', [], {
      ...process.env,
      BASKET_SYNC_DIR: dir,
      NATS_SERVER: '/nowhere/nats-server',
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('sudo apt-get install -y nats-server');
  });
});

describe('npm run household', () => {
  test('says the sync server is not running, and exits non-zero', async () => {
    const dir = await aDataFolder();
    const run = await npmRunToEnd('household', ['create', 'Smith family'], {
      ...process.env,
      BASKET_SYNC_DIR: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no Basket sync server is running .*`npm run sync-server`/);
  });

  test('explains itself when used wrongly', async () => {
    const run = await npmRunToEnd('household', ['create'], process.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run household -- <command>');
  });
});
