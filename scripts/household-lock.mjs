// One household command at a time changes the households file, across processes.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HouseholdError } from './household-error.mjs';
import { FILES } from './nats-config.mjs';

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
export async function locked(dir, work) {
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
