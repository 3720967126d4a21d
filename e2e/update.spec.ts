import { expect, test } from '@playwright/test';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveBuild } from './serve';

test('a new version waits for the person to press Reload; nothing typed is lost', async ({
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'basket-build-'));
  await cp('dist', dir, { recursive: true });
  const server = await serveBuild(dir);
  try {
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    const product = page.getByRole('combobox', { name: 'Product' });
    await product.fill('Half-typed');
    await page.evaluate(() => {
      (window as unknown as { before: boolean }).before = true;
    });
    // Deploy a new version, and let the browser notice it as it would on its next check.
    await appendFile(join(dir, 'sw.js'), '\n// the next version\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    const prompt = page.getByRole('complementary', { name: 'Update' });
    await expect(prompt).toContainText('New version of Basket.');
    await expect(product).toHaveValue('Half-typed');
    expect(await page.evaluate(() => 'before' in window)).toBe(true);

    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    expect(await page.evaluate(() => 'before' in window)).toBe(false);
    // Even the reload the person chose keeps what they had typed.
    await expect(page.getByRole('combobox', { name: 'Product' })).toHaveValue('Half-typed');
    await expect(page.getByRole('complementary', { name: 'Update' })).toHaveCount(0);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
