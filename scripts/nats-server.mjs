// Starting and stopping Basket's nats-server for a data folder: used by `npm run sync-server`
// and by the test harness alike. The server writes its log to <dir>/nats-server.log; a
// record of the running server (pid and ports, no secrets) is kept in <dir>/server.json for the
// household CLI, which reloads the server through that pid.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  FILES,
  SERVER_LIMITS,
  findNatsServer,
  natsUrlOf,
  readState,
  writePrivate,
  writeServerConfig,
  wsUrlOf,
} from './nats-config.mjs';

export class SyncServerError extends Error {
  name = 'SyncServerError';
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/** The last lines of the server's log, to show when it would not start. */
export function logTail(dir, lines = 15) {
  try {
    return readFileSync(join(dir, FILES.log), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

/** What /varz says, or undefined when nothing answers on the monitoring port. */
async function varz(httpPort) {
  try {
    const response = await fetch(`http://127.0.0.1:${httpPort}/varz`, {
      signal: AbortSignal.timeout(1000),
    });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the server on this monitoring port has JetStream running. */
export async function healthy(httpPort) {
  try {
    const response = await fetch(`http://127.0.0.1:${httpPort}/healthz?js-enabled-only=true`, {
      signal: AbortSignal.timeout(1000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The server running for this data folder, from its record: `{ pid, wsUrl, natsUrl, … }`, or
 * undefined when none is (no record, its process gone, or it does not answer).
 */
export async function runningServer(dir) {
  let record;
  try {
    record = JSON.parse(readFileSync(join(dir, FILES.record), 'utf8'));
  } catch {
    return undefined;
  }
  if (!alive(record.pid)) return undefined;
  const info = await varz(record.httpPort);
  if (info?.server_name !== record.serverName || !(await healthy(record.httpPort))) {
    return undefined;
  }
  return record;
}

/**
 * Writes the configuration for `settings` (from the data folder's households), starts
 * nats-server and resolves once it is healthy with JetStream on. Rejects with a
 * SyncServerError saying why when nats-server is missing, a server already runs for this folder,
 * or the server exits or stays unhealthy (a port taken, a bad configuration).
 */
export async function launchServer(settings, { env = process.env, limits = SERVER_LIMITS } = {}) {
  const found = findNatsServer(env);
  if (!found.path) throw new SyncServerError(found.problem);
  const { dir } = settings;
  const running = await runningServer(dir);
  if (running) {
    throw new SyncServerError(
      `a sync server already runs for ${dir} (pid ${running.pid}, ${running.wsUrl})`,
    );
  }
  const state = readState(dir);
  const config = writeServerConfig(settings, state, limits);

  const log = openSync(join(dir, FILES.log), 'a', 0o600);
  let child;
  try {
    child = spawn(found.path, ['-c', config], { stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
  const recordPath = join(dir, FILES.record);
  let exit;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve((exit = { code, signal })));
    child.once('error', (error) => resolve((exit = { code: null, signal: null, error })));
  }).then((result) => {
    // However it ended, the record no longer describes a running server.
    try {
      if (JSON.parse(readFileSync(recordPath, 'utf8')).pid === child.pid) rmSync(recordPath);
    } catch {
      // never written, or already gone
    }
    return result;
  });

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exit) {
      const why = exit.error ? exit.error.message : `exit code ${exit.code ?? exit.signal}`;
      throw new SyncServerError(`nats-server stopped as it started (${why}):\n${logTail(dir)}`);
    }
    // Healthy, and ours: a server another process left on these ports has another name.
    if ((await healthy(settings.httpPort)) && !exit) {
      const info = await varz(settings.httpPort);
      if (info?.server_name === state.serverName) break;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new SyncServerError(`nats-server did not become healthy:\n${logTail(dir)}`);
    }
    await sleep(25);
  }

  const record = {
    pid: child.pid,
    serverName: state.serverName,
    host: settings.host,
    port: settings.port,
    wsPort: settings.wsPort,
    httpPort: settings.httpPort,
    wsUrl: wsUrlOf(settings),
    natsUrl: natsUrlOf(settings),
    startedAt: new Date().toISOString(),
  };
  writePrivate(recordPath, `${JSON.stringify(record, null, 2)}\n`);

  const signalAndWait = async (signal) => {
    if (!exit) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };
  return {
    ...record,
    child,
    /** Resolves with `{ code, signal }` when the server process ends, however it ends. */
    exited,
    /** Stops the server cleanly (SIGTERM: JetStream flushes and closes its files). */
    stop: () => signalAndWait('SIGTERM'),
    /** Kills the server outright, as a crash or a power cut would. */
    kill: () => signalAndWait('SIGKILL'),
  };
}

/**
 * Makes the running server read its configuration again (SIGHUP, as
 * `nats-server --signal reload=<pid>` sends), after accounts.conf changed.
 */
export function reloadServer(record) {
  try {
    process.kill(record.pid, 'SIGHUP');
  } catch (error) {
    throw new SyncServerError(`could not reload the sync server (pid ${record.pid}): ${error}`);
  }
}
