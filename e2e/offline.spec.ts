import { expect, test } from '@playwright/test';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { preview } from 'vite';
import { basketPage } from './basket';

test('after one visit, Basket opens and saves with the server gone', async ({ page }) => {
  // A server of this test's own, so it can be stopped: Chromium's offline switch does not
  // cover service-worker fetches.
  const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'silent' });
  const http = server.httpServer as Server;
  const { port } = http.address() as AddressInfo;
  const url = `http://localhost:${port}/`;

  await page.goto(url);
  const basket = basketPage(page);
  await basket.add('Candles');
  // The service worker has precached the app shell once it is active.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  const closed = new Promise<void>((resolve, reject) =>
    http.close((error) => (error ? reject(error) : resolve())),
  );
  http.closeAllConnections();
  await closed;
  expect((await fetch(url).catch((error: unknown) => error)) instanceof Error).toBe(true);

  await page.reload();
  await expect(basket.checkbox('Candles')).toBeVisible();
  await basket.add('Matches');
  await page.reload();
  await basket.expectProducts(['Candles', 'Matches']);
});
