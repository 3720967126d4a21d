import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { basketPage, closeMenu, newList, openMenu } from './basket';

/**
 * Basket tried as a hostile, a careless and an unlucky person would (issue 11): every try ends
 * with nothing lost and the person never stuck, in the real browser, database and service worker.
 */

/** Exports a backup through the menu's button, and returns the file's parsed content. */
async function exportBackup(
  page: Page,
): Promise<{ events: { type: string }[]; unreadable?: unknown[] }> {
  const menu = await openMenu(page);
  const downloading = page.waitForEvent('download');
  await menu.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloading;
  await expect(menu.getByRole('status')).toHaveText(
    `Backup saved: ${download.suggestedFilename()}`,
  );
  await closeMenu(page);
  return JSON.parse(await readFile((await download.path())!, 'utf8'));
}

const backupFile = (content: unknown) => ({
  name: 'backup.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(content)),
});

test('unlucky: a phone whose clock says 1970 adds, is told, and opens and exports after reloads', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date(0));
  await page.goto('/');
  const basket = basketPage(page);
  await basket.product.fill('Milk');
  await basket.product.press('Enter');
  await expect(page.getByRole('alert')).toContainText('clock looks wrong');
  await basket.expectProducts(['Milk']);
  await page.reload();
  await basket.expectProducts(['Milk']);
  const file = await exportBackup(page);
  expect(file.events.map((e) => e.type)).toEqual(['ProductAdded']);

  // The clock is put right; the history goes on, and nothing comes back.
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00Z'));
  await page.reload();
  await page.getByRole('button', { name: 'Edit Milk' }).click();
  await page
    .getByRole('dialog', { name: 'Edit Milk' })
    .getByRole('button', { name: 'Delete Milk' })
    .click();
  await basket.expectProducts([]);
  await page.reload();
  await basket.expectProducts([]);
});

test('unlucky: one damaged stored row is set aside and told; the rest opens, works and exports', async ({
  page,
}) => {
  await page.goto('/');
  const basket = basketPage(page);
  await basket.add('Milk');
  await basket.add('Bread');
  // Damage on disk: a row no Basket wrote (a quantity below zero) lands in the log.
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('basket');
        open.onsuccess = () => {
          const tx = open.result.transaction('events', 'readwrite');
          tx.objectStore('events').add({
            id: 'damaged',
            type: 'ProductAdded',
            v: 1,
            at: Date.now(),
            streamId: 'list:default',
            streamVersion: 3,
            payload: { productId: 'x', name: 'Eggs', quantity: -4 },
          });
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
  await page.reload();
  await basket.expectProducts(['Milk', 'Bread']);
  await expect(page.getByText('1 saved change could not be read by this Basket.')).toBeVisible();
  await basket.add('Tea');
  const file = await exportBackup(page);
  expect(file.unreadable).toEqual([expect.objectContaining({ id: 'damaged' })]);
  expect(file.events).toHaveLength(3);
});

test('hostile: a backup that names one product in two lists is refused and changes nothing', async ({
  page,
}) => {
  await page.goto('/');
  const basket = basketPage(page);
  await basket.add('Milk');
  const { events } = await exportBackup(page);
  const milk = (events[0] as unknown as { payload: { productId: string } }).payload.productId;
  const at = Date.now();
  const crafted = {
    format: 'basket-backup',
    version: 1,
    exportedAt: at,
    events: [
      {
        id: 'c1',
        type: 'ListCreated',
        v: 1,
        at,
        streamId: 'list:evil',
        streamVersion: 1,
        payload: { name: 'Evil' },
      },
      {
        id: 'c2',
        type: 'ProductRemoved',
        v: 1,
        at,
        streamId: 'list:evil',
        streamVersion: 2,
        payload: { productId: milk },
      },
    ],
  };
  await (await openMenu(page)).getByLabel('Import backup').setInputFiles(backupFile(crafted));
  await expect(page.getByRole('region', { name: 'Backup' }).getByRole('alert')).toContainText(
    'in two lists',
  );
  await page.reload();
  await basket.expectProducts(['Milk']);
});

test('hostile: a backup that deletes every list still leaves one to open and add to', async ({
  page,
}) => {
  await page.goto('/');
  const basket = basketPage(page);
  await basket.add('Milk');
  const at = Date.now() + 1000;
  await (await openMenu(page)).getByLabel('Import backup').setInputFiles(
    backupFile({
      format: 'basket-backup',
      version: 1,
      exportedAt: at,
      events: [
        {
          id: 'd1',
          type: 'ListDeleted',
          v: 1,
          at,
          streamId: 'list:default',
          streamVersion: 1,
          payload: {},
        },
      ],
    }),
  );
  await expect(page.getByRole('status')).toHaveText('Imported 1 change from the backup.');
  await expect(page.getByRole('combobox', { name: 'List' }).getByRole('option')).toHaveCount(1);
  await closeMenu(page);
  await basket.add('Bread');
  await page.reload();
  await basket.expectProducts(['Milk', 'Bread']);
});

test('careless: Undo right after deleting a list brings it back, with its products', async ({
  page,
}) => {
  await page.goto('/');
  const basket = basketPage(page);
  await newList(page, 'Party');
  await basket.add('Balloons');
  const menu = await openMenu(page);
  await menu.getByRole('button', { name: 'Delete list' }).click();
  await menu.getByRole('button', { name: 'Delete Party' }).click();
  await expect(page.getByRole('combobox', { name: 'List' })).toHaveValue('list:default');
  await page.keyboard.press('Control+z');
  await expect(
    page.getByRole('combobox', { name: 'List' }).getByRole('option', { name: 'Party' }),
  ).toBeAttached();
  await basket.expectProducts(['Balloons']);
});

test('careless: a list deleted in another tab takes no add, and what was typed is kept', async ({
  context,
}) => {
  const first = await context.newPage();
  await first.goto('/');
  await newList(first, 'Party');
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('combobox', { name: 'List' })).toHaveValue(/list:/);
  await second.getByRole('combobox', { name: 'List' }).selectOption({ label: 'Party' });
  const menu = await openMenu(first);
  await menu.getByRole('button', { name: 'Delete list' }).click();
  await menu.getByRole('button', { name: 'Delete Party' }).click();
  // The other tab hears of it and moves on; whatever it was typing is still there.
  const product = second.getByRole('combobox', { name: 'Product' });
  await product.fill('Cake');
  await expect(second.getByRole('combobox', { name: 'List' })).not.toHaveValue(/list:[0-9a-f]{8}-/);
  await expect(product).toHaveValue('Cake');
  await product.press('Enter');
  await basketPage(second).expectProducts(['Cake']);
  await second.reload();
  await basketPage(second).expectProducts(['Cake']);
});
