import { expect, test } from '@playwright/test';
import { basketPage, openMenu } from './basket';

/** A family's years of shopping: 10,000 products and 100,000 events in all. */
function yearsOfShopping(products = 10_000, events = 100_000) {
  const start = Date.UTC(2023, 0, 1, 9);
  const log: object[] = [];
  const event = (type: string, payload: object) => {
    const n = log.length + 1;
    log.push({
      id: `e-${n}`,
      type,
      v: type === 'ProductQuantityChanged' ? 2 : 1,
      at: start + n * 60_000,
      streamId: 'list:default',
      streamVersion: n,
      payload,
    });
  };
  for (let i = 0; i < products; i += 1) {
    event('ProductAdded', { productId: `p-${i}`, name: `Product ${i}`, quantity: 1 });
  }
  for (let i = 0; log.length < events; i += 1) {
    const productId = `p-${i % products}`;
    if (i % 3 === 0) event('ProductChecked', { productId });
    else if (i % 3 === 1) event('ProductUnchecked', { productId });
    else event('ProductQuantityChanged', { productId, quantity: (i % 7) + 1, reason: 'edited' });
  }
  return JSON.stringify({
    format: 'basket-backup',
    version: 1,
    exportedAt: Date.now(),
    events: log,
  });
}

test('100,000 events import with progress and a live page; the history stays virtualised', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await (await openMenu(page)).getByLabel('Import backup').setInputFiles({
    name: 'years.json',
    mimeType: 'application/json',
    buffer: Buffer.from(yearsOfShopping()),
  });

  // The progress bar keeps moving: the page is painting, not frozen, while it works.
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => ({
          value: document.querySelector('.backup progress')?.getAttribute('value') ?? null,
          status: document.querySelector('[role=status]')?.textContent ?? '',
        }));
        if (now.value) seen.add(now.value);
        return now.status;
      },
      { timeout: 100_000, intervals: [50] },
    )
    .toBe('Imported 100,000 changes from the backup.');
  expect(seen.size).toBeGreaterThan(3);
  await expect(page.getByText('6,667 of 10,000 left to buy')).toBeVisible();
  expect(await basketPage(page).list.getByRole('listitem').count()).toBeLessThan(100);

  await (await openMenu(page)).getByRole('button', { name: 'History', exact: true }).click();
  const diary = page.getByRole('list', { name: /Everything that happened/ });
  await expect(diary.getByText('Product 9999 is now × 1.').first()).toBeVisible({
    timeout: 30_000,
  });
  expect(await diary.getByRole('listitem').count()).toBeLessThan(100);
});
