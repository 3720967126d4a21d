import { expect, test } from '@playwright/test';
import { basketPage } from './basket';
import { serveBuild } from './serve';

test('after one visit, Basket opens and saves with the server gone', async ({ page }) => {
  const server = await serveBuild();
  await page.goto(server.url);
  const basket = basketPage(page);
  await basket.add('Candles');
  // The service worker has precached the app shell once it is active.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await server.stop();
  expect((await fetch(server.url).catch((error: unknown) => error)) instanceof Error).toBe(true);

  await page.reload();
  await expect(basket.checkbox('Candles')).toBeVisible();
  await basket.add('Matches');
  await page.reload();
  await basket.expectProducts(['Candles', 'Matches']);
});
