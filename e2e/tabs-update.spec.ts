import { expect, test, type Page } from '@playwright/test';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basketPage } from './basket';
import { serveBuild } from './serve';

type Marked = { marker?: boolean; workerBefore?: ServiceWorker | null };
const mark = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Marked;
    w.marker = true;
    w.workerBefore = navigator.serviceWorker.controller;
  });
const marked = (page: Page) => page.evaluate(() => (window as unknown as Marked).marker === true);

test('Reload for a new version in one tab reloads that tab only; another keeps its half-done edits and is told', async ({
  context,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'basket-build-'));
  await cp('dist', dir, { recursive: true });
  const server = await serveBuild(dir);
  try {
    // Given two tabs of Basket, both run by its service worker, both showing Milk,
    const tabA = await context.newPage();
    const tabB = await context.newPage();
    await tabA.goto(server.url);
    await tabA.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await tabA.reload();
    await tabB.goto(server.url);
    for (const tab of [tabA, tabB]) {
      expect(await tab.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    }
    const a = basketPage(tabA);
    const b = basketPage(tabB);
    await a.add('Milk');
    await expect(b.checkbox('Milk')).toBeVisible();

    // and in tab B someone is halfway through two things: a product typed but not added, and
    // Milk's edit form open with a new name not yet saved.
    await b.product.fill('Half-typed');
    await tabB.getByRole('button', { name: 'Edit Milk' }).click();
    const name = tabB.getByRole('textbox', { name: 'Name' });
    await name.fill('Oat milk');
    await mark(tabA);
    await mark(tabB);

    // When a new version is deployed and both tabs notice it,
    await appendFile(join(dir, 'sw.js'), '\n// the next version\n');
    await tabA.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const promptA = tabA.getByRole('complementary', { name: 'Update' });
    const promptB = tabB.getByRole('complementary', { name: 'Update' });
    await expect(promptA).toContainText('New version of Basket.');
    await expect(promptB).toContainText('New version of Basket.');

    // and the person in tab A presses Reload,
    const reloaded = tabA.waitForEvent('load');
    await promptA.getByRole('button', { name: 'Reload' }).click();
    await reloaded;

    // Then tab A is on the new version, with nothing left waiting,
    expect(await marked(tabA)).toBe(false);
    expect(
      await tabA.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return Boolean(navigator.serviceWorker.controller) && !registration?.waiting;
      }),
    ).toBe(true);
    await expect(promptA).toHaveCount(0);
    await expect(a.checkbox('Milk')).toBeVisible();

    // and tab B, now run by the new worker too, says so instead of reloading,
    await expect(promptB.getByRole('status')).toHaveText('Basket was updated in another tab.');
    expect(
      await tabB.evaluate(
        () => navigator.serviceWorker.controller !== (window as unknown as Marked).workerBefore,
      ),
    ).toBe(true);
    // keeping the page as it was: nothing reloaded, the typing and the open edit form are there.
    expect(await marked(tabB)).toBe(true);
    await expect(b.product).toHaveValue('Half-typed');
    await expect(name).toHaveValue('Oat milk');
    await expect(tabB.getByRole('button', { name: 'Save' })).toBeVisible();

    // And when B's person finishes the edit and then presses Reload, it is the new version,
    // with the edit saved and the product still typed.
    await tabB.getByRole('button', { name: 'Save' }).click();
    await expect(b.checkbox('Oat milk')).toBeVisible();
    const reloadedB = tabB.waitForEvent('load');
    await promptB.getByRole('button', { name: 'Reload' }).click();
    await reloadedB;
    expect(await marked(tabB)).toBe(false);
    await expect(b.checkbox('Oat milk')).toBeVisible();
    await expect(b.product).toHaveValue('Half-typed');
    await expect(promptB).toHaveCount(0);
    await expect(a.checkbox('Oat milk')).toBeVisible();
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
