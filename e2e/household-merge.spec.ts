import { expect, test } from '@playwright/test';
import { startNatsHarness, type NatsHarness } from '../src/sync/nats/harness';
import { device, joinByLink } from './household-devices';

/**
 * Issue 13: two devices of one household change the same products while the server is away, in
 * real Chromium against a real nats-server. When it is back, both show one list, made by the
 * README's merge rules ("When devices acted apart"): both added the same name, one row with the
 * larger quantity under the first add's name; remove wins over a change; the later rename in the
 * server's order wins; a check and a quantity on one product both stay. What a rebase could not
 * keep is told in words (src/sync/not-kept.ts).
 */

let harness: NatsHarness;

test.beforeAll(async () => {
  harness = await startNatsHarness();
});

test.afterAll(async () => {
  await harness?.close();
});

test('both devices change the same products apart: one list after, by the merge rules, and what was lost is told', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const smiths = await harness.createHousehold('Smith family', `${baseURL!}/`);
  const anna = await joinByLink(browser, baseURL!, smiths.link, "Anna's phone");
  const ben = await joinByLink(browser, baseURL!, smiths.link, "Ben's laptop");

  await anna.add('Milk');
  await anna.add('Eggs');
  await anna.add('Bread');
  await ben.expectList({ Milk: false, Eggs: false, Bread: false });
  await expect(anna.status).toHaveText('Synced');
  await expect(ben.status).toHaveText('Synced');

  // The server stops, and each changes the same products without the other.
  await harness.stop();
  await anna.edit('Milk', { quantity: 3 });
  await anna.edit('Eggs', { quantity: 12 });
  await anna.edit('Bread', { name: 'Sourdough' });
  await anna.add('butter');
  await anna.expectList({ Milk: false, Eggs: false, Sourdough: false, butter: false });
  await expect(anna.row('Milk')).toContainText('× 3');
  await expect(anna.status).toHaveText('Offline — 4 changes waiting', { timeout: 15_000 });

  await ben.checkbox('Milk').click();
  await expect(ben.checkbox('Milk')).toBeChecked();
  await ben.remove('Eggs');
  await ben.edit('Bread', { name: 'Rye bread' });
  await ben.add('Butter', 2);
  await ben.expectList({ Milk: true, 'Rye bread': false, Butter: false });
  await expect(ben.status).toHaveText('Offline — 4 changes waiting', { timeout: 15_000 });

  // Anna's phone is put away while apart (its changes wait in its storage), so Ben's reach the
  // server first: the server's order, and so what the rules make of it, is known.
  await anna.page.close();
  await harness.start();
  await expect(ben.status).toHaveText('Synced', { timeout: 90_000 });
  await ben.expectList({ Milk: true, 'Rye bread': false, Butter: false });

  const annaAgain = device(await anna.context.newPage());
  await annaAgain.page.goto('/');
  await expect(annaAgain.status).toHaveText('Synced', { timeout: 30_000 });
  // Her change to Eggs, which Ben deleted meanwhile, stays in the log and changes nothing: she is
  // told so, in words. Her other changes were kept, so nothing else is said of them.
  await expect(annaAgain.notice).toHaveText(
    'Eggs was deleted on another device, so your change to it could not be kept.',
  );

  // Both end with exactly the same list: nothing lost, nothing doubled.
  const together = { Milk: true, Sourdough: false, Butter: false };
  for (const each of [annaAgain, ben]) {
    await each.expectList(together);
    // Ben's check and Anna's quantity were both kept.
    await expect(each.row('Milk')).toContainText('× 3');
    // Both added Butter: one row, under the first add's name, with the larger quantity.
    await expect(each.row('Butter')).toContainText('× 2');
    // Both renamed Bread: the later in the server's order (Anna's) wins.
    await expect(each.row('Sourdough')).not.toContainText('×');
    await expect(each.status).toHaveText('Synced');
  }
  // Ben lost nothing, so he is told nothing of the kind.
  await expect(ben.notice).not.toContainText('could not be kept');

  await anna.context.close();
  await ben.context.close();
});
