// Where the nats-server executable is, or how to install it (part of scripts/nats-config.mjs).
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export const INSTALL_HINT =
  'Install it with `sudo apt-get install -y nats-server` (Debian or Ubuntu), or download a ' +
  'release from https://github.com/nats-io/nats-server/releases and set NATS_SERVER to its path.';

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
