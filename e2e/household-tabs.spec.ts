import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startNatsHarness, type NatsHarness } from '../src/sync/nats/harness';
import { openMenu } from './basket';
import { device, joinByLink, joinOn } from './household-devices';

/**
 * Issue 13: several tabs of one device hold one connection between them (src/bus/tab-lead.ts),
 * and every tab shows what it brings, sends what any tab did, and carries on when the tab
 * holding it closes. Against a real nats-server (src/sync/nats/harness.ts).
 */

let harness: NatsHarness;

test.beforeAll(async () => {
  harness = await startNatsHarness();
});

test.afterAll(async () => {
  await harness?.close();
});

/**
 * How many WebSockets a page has open now, counted inside the page: Playwright's `websocket`
 * event exists only for Chromium's own protocol, and this spec runs in Firefox over BiDi too.
 */
async function countSockets(context: BrowserContext) {
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    let open = 0;
    class Counted extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        open += 1;
        this.addEventListener('close', () => (open -= 1));
      }
    }
    window.WebSocket = Counted;
    Object.defineProperty(window, '__openSockets', { get: () => open });
  });
}
const sockets = (page: Page) =>
  page.evaluate(() => (window as unknown as { __openSockets: number }).__openSockets);

test('two tabs of one device share one connection, and the second carries on when the first closes', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const smiths = await harness.createHousehold('Smith family', `${baseURL!}/`);
  const annas = await browser.newContext({ baseURL: baseURL! });
  await countSockets(annas);
  const anna = await joinOn(await annas.newPage(), smiths.link, "Anna's laptop");
  expect(await sockets(anna.page)).toBe(1);

  // A second tab of the same browser: it shows the household, and opens no connection of its own.
  const tab = device(await annas.newPage());
  await tab.page.goto('/');
  await expect(tab.status).toHaveText('Synced', { timeout: 15_000 });
  await (await openMenu(tab.page)).getByRole('button', { name: 'Sync' }).click();
  await expect(tab.page.getByRole('region', { name: 'Sync' })).toContainText('Smith family');

  const ben = await joinByLink(browser, baseURL!, smiths.link, "Ben's phone");
  await ben.add('Milk');
  // Both tabs show what the other device did.
  await anna.expectList({ Milk: false });
  await tab.expectList({ Milk: false });
  // What the second tab does is sent through the first tab's connection.
  await tab.add('Bread');
  await ben.expectList({ Milk: false, Bread: false });
  await anna.expectList({ Milk: false, Bread: false });
  expect(await sockets(tab.page)).toBe(0);
  expect(await sockets(anna.page)).toBe(1);

  // The tab holding the connection closes: the other takes it over and carries on.
  await anna.page.close();
  await expect.poll(() => sockets(tab.page), { timeout: 15_000 }).toBe(1);
  await ben.add('Eggs');
  await tab.expectList({ Milk: false, Bread: false, Eggs: false });
  await tab.add('Tea');
  const together = { Milk: false, Bread: false, Eggs: false, Tea: false };
  await ben.expectList(together);
  await expect(tab.status).toHaveText('Synced');
  await expect(ben.status).toHaveText('Synced');
  // Nothing was sent or applied twice: each product once, on both devices, after a reload too.
  await tab.page.reload();
  await tab.expectList(together);
  await ben.page.reload();
  await ben.expectList(together);

  await annas.close();
  await ben.context.close();
});
