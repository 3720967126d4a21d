import { expect, test } from '@playwright/test';
import { basketPage, openMenu } from './basket';

test('a backup restores the same list in a fresh browser profile; importing twice adds nothing', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/');
  const here = basketPage(page);
  await here.add('Milk', 2);
  await here.add('Bread');
  await here.add('Eggs', 12);
  await here.checkbox('Bread').click();
  await expect(here.checkbox('Bread')).toBeChecked();

  const menu = await openMenu(page);
  const downloading = page.waitForEvent('download');
  await menu.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^basket-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(menu.getByRole('status')).toHaveText(
    `Backup saved: ${download.suggestedFilename()}`,
  );
  const file = await download.path();

  const elsewhere = await browser.newContext();
  const restored = await elsewhere.newPage();
  await restored.goto(baseURL!);
  const there = basketPage(restored);
  await expect(restored.getByText('Your list is empty.', { exact: false })).toBeVisible();
  await (await openMenu(restored)).getByLabel('Import backup').setInputFiles(file);
  await expect(restored.getByRole('status')).toHaveText('Imported 4 changes from the backup.');
  await there.expectProducts(['Milk', 'Bread', 'Eggs']);
  await expect(there.checkbox('Bread')).toBeChecked();
  await expect(there.checkbox('Eggs').locator('xpath=ancestor::li')).toContainText('× 12');

  await (await openMenu(restored)).getByLabel('Import backup').setInputFiles(file);
  await expect(restored.getByRole('status')).toHaveText(
    'Nothing new: everything in this backup is already here.',
  );
  await restored.reload();
  await there.expectProducts(['Milk', 'Bread', 'Eggs']);
  await elsewhere.close();
});

test('a hostile backup is refused with its reason and changes nothing', async ({ page }) => {
  await page.goto('/');
  const basket = basketPage(page);
  await basket.add('Milk');
  await (await openMenu(page)).getByLabel('Import backup').setInputFiles({
    name: 'evil.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"format":"basket-backup","version":1,"exportedAt":1,"events":[],"__proto__":{"polluted":true}}',
    ),
  });
  await expect(page.getByRole('region', { name: 'Backup' }).getByRole('alert')).toHaveText(
    'This file contains the forbidden key “__proto__”, so it was not imported.',
  );
  expect(await page.evaluate(() => 'polluted' in {})).toBe(false);
  await page.reload();
  await basket.expectProducts(['Milk']);
});
