import { randomBytes, randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { expect, test } from '@playwright/test';
import { DEFAULT_STREAM } from '../src/events';
import { decodeInvite } from '../src/sync/invite';
import { subjectOf } from '../src/sync/jetstream-subjects';
import { startNatsHarness, type NatsHarness } from '../src/sync/nats/harness';
import { importSealKey, seal } from '../src/sync/seal';
import { joinByLink } from './household-devices';

/**
 * Issue 13: whoever holds a household's credentials can write anything onto its stream. Two
 * such messages, published from here onto the list's subject with the household's browser user
 * against a real nats-server: bytes that do not open, and a dispatch sealed with the invite's own
 * key whose event fails validation. Each device leaves them out, keeps syncing, and says which
 * and why, once, in words (src/sync/engine.ts `invalid`, the `syncRefused` notice).
 */

let harness: NatsHarness;

test.beforeAll(async () => {
  harness = await startNatsHarness();
});

test.afterAll(async () => {
  await harness?.close();
});

const refused = (why: string) =>
  `A change from another device could not be read (${why}), so it was left out.`;

test('a garbled and a sealed but invalid message on the household’s stream are left out and told once', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const smiths = await harness.createHousehold('Smith family', `${baseURL!}/`);
  const anna = await joinByLink(browser, baseURL!, smiths.link, "Anna's phone");
  const ben = await joinByLink(browser, baseURL!, smiths.link, "Ben's laptop");
  const failures: string[] = [];
  for (const { page } of [anna, ben]) {
    page.on('pageerror', (error) => failures.push(String(error)));
    page.on('console', (m) => {
      if (m.type() === 'error' && /sync round failed/i.test(m.text())) failures.push(m.text());
    });
  }
  await anna.add('Milk');
  await ben.expectList({ Milk: false });

  const connection = await harness.connectBrowser(smiths);
  const js = jetstream(connection);
  const subject = subjectOf(smiths.id, DEFAULT_STREAM);

  // Random bytes behind the seal's version byte: it is the seal itself that refuses them.
  const noise = Buffer.concat([Buffer.from([1]), randomBytes(300)]);
  await js.publish(subject, noise, { msgID: randomUUID() });
  const garbled = refused(
    'the sealed message does not open: another key, another subject or id, or changed bytes',
  );
  for (const each of [anna, ben]) {
    await expect(each.notice).toHaveText(garbled, { timeout: 15_000 });
    await each.expectList({ Milk: false });
  }

  // Sealed with the invite's key, so it opens: an add of "Intruder" whose quantity is no quantity.
  const reading = decodeInvite(smiths.link);
  if (!reading.ok) throw new Error(`the harness's invite does not read: ${reading.problem}`);
  const key = await importSealKey(reading.invite.key);
  const actionId = randomUUID();
  const added = {
    id: actionId,
    type: 'ProductAdded',
    v: 1,
    at: Date.now(),
    streamId: DEFAULT_STREAM,
    streamVersion: 2,
    payload: { productId: randomUUID(), name: 'Intruder', quantity: -1 },
  };
  const dispatch = { deviceId: 'intruder', streamId: DEFAULT_STREAM, events: [added] };
  const body = new TextEncoder().encode(JSON.stringify(dispatch));
  await js.publish(subject, await seal(key, subject, actionId, body), { msgID: actionId });
  const invalid = refused(
    'payload.quantity: a quantity must be above 0 and at most 9999, with at most 2 decimals',
  );
  for (const each of [anna, ben]) {
    await expect(each.notice).toHaveText(invalid, { timeout: 15_000 });
    await each.expectList({ Milk: false });
  }
  await connection.close();
  // Both stay listed in the Sync region (open since the device joined), newest first, where the
  // person looks to see how sharing goes.
  const leftOut = anna.page
    .getByRole('region', { name: 'Sync' })
    .getByRole('list', { name: 'Changes left out' })
    .getByRole('listitem');
  await expect(leftOut).toHaveText([invalid, garbled]);

  // Sync goes on past them: a later add on one device shows on the other.
  await anna.add('Tea');
  await ben.expectList({ Milk: false, Tea: false });
  await ben.checkbox('Tea').click();
  await expect(ben.notice).toHaveText('Checked off Tea.');
  await anna.expectList({ Milk: false, Tea: true });

  // Told once: after a reload, and a later round, neither is told again.
  await ben.page.reload();
  await expect(ben.status).toHaveText('Synced', { timeout: 30_000 });
  await anna.add('Bread');
  await ben.expectList({ Milk: false, Tea: true, Bread: false });
  await expect(ben.notice).toHaveText('');
  for (const each of [anna, ben]) await expect(each.status).toHaveText('Synced');
  expect(failures).toEqual([]);

  await anna.context.close();
  await ben.context.close();
});
