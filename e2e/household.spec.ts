import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startNatsHarness, type NatsHarness } from '../src/sync/nats/harness';
import { joinByLink } from './household-devices';

/**
 * Issue 13, "Tests" bullet 3: two devices of one household in real Chromium against a real
 * nats-server (src/sync/nats/harness.ts: free loopback ports, a temporary data folder), through
 * the server going away and coming back, and a third device of another household.
 */

/** Every file under `dir`, as bytes. */
async function filesOf(dir: string): Promise<{ path: string; bytes: Buffer }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { path, bytes: await readFile(path) };
      }),
  );
}

let harness: NatsHarness;

test.beforeAll(async () => {
  harness = await startNatsHarness();
});

test.afterAll(async () => {
  await harness?.close();
});

test('a household over a real nats-server: live, offline, reload, back, isolated, sealed', async ({
  browser,
  baseURL,
}) => {
  // A device reloaded while the server is away retries its first connection after the backoff
  // (src/sync/household.ts: 60 s), so the story is given room for that.
  test.setTimeout(180_000);
  const app = `${baseURL!}/`;
  const smiths = await harness.createHousehold('Smith family', app);
  const others = await harness.createHousehold('Jones family', app);

  const anna = await joinByLink(browser, baseURL!, smiths.link, "Anna's phone");
  const ben = await joinByLink(browser, baseURL!, smiths.link, "Ben's laptop");

  // Live: an add on one shows on the other.
  await anna.add('Milk');
  await ben.expectList({ Milk: false });
  await expect(anna.status).toHaveText('Synced');
  await expect(ben.status).toHaveText('Synced');

  // The server stops (its data kept): both keep working, and say what waits.
  await harness.stop();
  await anna.add('Bread');
  await ben.add('Eggs');
  await ben.checkbox('Milk').click();
  await expect(ben.checkbox('Milk')).toBeChecked();
  await expect(anna.status).toHaveText('Offline — 1 change waiting', { timeout: 15_000 });
  await expect(ben.status).toHaveText('Offline — 2 changes waiting', { timeout: 15_000 });
  await anna.expectList({ Milk: false, Bread: false });
  await ben.expectList({ Milk: true, Eggs: false });

  // Ben reloads while it is away: the app still loads, and his changes are still there.
  await ben.page.reload();
  await ben.expectList({ Milk: true, Eggs: false });
  await expect(ben.status).toHaveText('Offline — 2 changes waiting', { timeout: 15_000 });

  // The server starts again on the same ports: both end with the same list, nothing lost or doubled.
  await harness.start();
  const together = { Milk: true, Bread: false, Eggs: false };
  await expect(anna.status).toHaveText('Synced', { timeout: 90_000 });
  await expect(ben.status).toHaveText('Synced', { timeout: 90_000 });
  await anna.expectList(together);
  await ben.expectList(together);

  // A device of another household sees none of it.
  const carol = await joinByLink(browser, baseURL!, others.link, "Carol's tablet");
  await carol.expectList({});
  await carol.add('Soap');
  await expect(carol.status).toHaveText('Synced');
  await anna.add('Tea');
  await ben.expectList({ ...together, Tea: false });
  await expect(anna.status).toHaveText('Synced');
  await expect(ben.status).toHaveText('Synced');
  await carol.expectList({ Soap: false });
  await anna.expectList({ ...together, Tea: false });

  // The server keeps only ciphertext: no product or list name anywhere in its data folder.
  const files = await filesOf(harness.dir);
  // It did keep the household's messages, and the search does read what is there.
  expect(files.some(({ path }) => path.includes(smiths.stream) && path.endsWith('.blk'))).toBe(
    true,
  );
  expect(files.some(({ bytes }) => bytes.includes('Smith family'))).toBe(true);
  for (const name of ['Milk', 'Bread', 'Eggs', 'Tea', 'Soap', 'Shopping list']) {
    const holding = files.filter(({ bytes }) => bytes.includes(name)).map(({ path }) => path);
    expect(holding, `files holding "${name}"`).toEqual([]);
  }

  for (const context of [anna.page.context(), ben.page.context(), carol.context]) {
    await context.close();
  }
});
