// @ts-check
/**
 * Basket's flows in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, on Xvfb), found by
 * role and accessible name as WebKit computes them. Each flow opens its own browsers, each a
 * fresh profile; all of them share one X display and one preview server of the built app, except
 * the offline flow, which stops a server of its own. Any console error or warning, uncaught error
 * or unhandled rejection seen in a window fails its flow.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startNats } from './household.mjs';
import {
  allByRole,
  basketWindow,
  By,
  byRole,
  findTools,
  flowResources,
  goneByRole,
  openBrowser,
  serveBuild,
  startXvfb,
  waitFor,
} from './webkit.mjs';

/** Every wait inside a flow has its own limit; this only stops a flow that hangs outright. */
const FLOW_TIMEOUT = 180_000;

/** @type {ReturnType<typeof findTools>} */
let tools;
/** @type {Awaited<ReturnType<typeof startXvfb>> | undefined} */
let x;
/** @type {Awaited<ReturnType<typeof serveBuild>> | undefined} */
let app;

before(async () => {
  tools = findTools();
  x = await startXvfb(tools.xvfb);
  app = await serveBuild();
});

after(async () => {
  await app?.stop();
  await x?.stop();
});

const url = () => /** @type {NonNullable<typeof app>} */ (app).url;

/**
 * @typedef {object} Flow
 * @property {() => Promise<Awaited<ReturnType<typeof openBrowser>>>} browser a new browser, a
 *   fresh profile, quit when the flow ends
 * @property {ReturnType<typeof flowResources>['watch']} watch fail the flow on this window's
 *   console problems
 * @property {ReturnType<typeof flowResources>['defer']} defer run this when the flow ends
 */

/**
 * A test that runs `body` and then stops what it opened, in reverse order, pass or fail; it fails
 * on any console problem seen in the windows it watched.
 * @param {string} name
 * @param {(flow: Flow) => Promise<void>} body
 */
function flow(name, body) {
  test(name, { timeout: FLOW_TIMEOUT }, async () => {
    const resources = flowResources();
    try {
      await body({
        async browser() {
          const browser = await openBrowser(tools, /** @type {string} */ (x?.display));
          resources.defer(browser.close);
          return browser;
        },
        watch: resources.watch,
        defer: resources.defer,
      });
      assert.deepEqual(await resources.problems(), [], 'console errors or warnings in the page');
    } finally {
      await resources.close();
    }
  });
}

flow('WebKit exposes Basket’s lists as lists', async ({ browser, watch }) => {
  // WebKit calls a <ul> or <ol> drawn without bullets a "group", not a list, unless it says
  // role="list" (WebCore's AccessibilityList::determineAccessibilityRoleWithCleanChildren). It
  // says "list" until it has looked at the list's children, so this asks once the page is in use.
  const { driver } = await browser();
  const basket = watch(basketWindow(driver));
  await basket.open(url());
  await basket.add('Milk');
  await basket.add('Bread');
  /** The list in a region. */
  const listIn = async (/** @type {string} */ region) =>
    (await byRole(driver, 'region', region)).findElement(By.css('ul, ol'));

  const list = await listIn('Shopping list');
  assert.equal(await list.getAriaRole(), 'list', 'the Shopping list');
  assert.equal(await list.getAccessibleName(), 'Shopping list');
  assert.equal((await allByRole(driver, 'listitem', undefined, { within: list })).length, 2);
  assert.equal(await (await listIn('Quick picks')).getAriaRole(), 'list', 'the Quick picks');

  await (await basket.checkbox('Bread')).click();
  await basket.expectList({ Milk: false, Bread: true });
  await (await byRole(driver, 'button', 'Clear bought')).click();
  await basket.expectList({ Milk: false });
  const offers = await listIn('Buy again');
  assert.equal(await offers.getAriaRole(), 'list', 'the Buy again offers');
  await byRole(driver, 'button', /^Buy Bread again/, { within: offers });
});

flow('an add with a quantity shows it, also after a reload', async ({ browser, watch }) => {
  const { driver } = await browser();
  const basket = watch(basketWindow(driver));
  await basket.open(url());
  await basket.add('Milk', 2);
  await basket.add('3 eggs');
  await byRole(driver, 'status', undefined, { text: /Added eggs/ });
  await basket.expectList({ Milk: false, eggs: false });
  assert.match(await basket.rowText('Milk'), /× 2/);
  assert.match(await basket.rowText('eggs'), /× 3/);

  await basket.reload();
  await basket.expectList({ Milk: false, eggs: false });
  assert.match(await basket.rowText('Milk'), /× 2/);
  assert.match(await basket.rowText('eggs'), /× 3/);
});

flow('checked off and cleared is gone, also after a reload', async ({ browser, watch }) => {
  const { driver } = await browser();
  const basket = watch(basketWindow(driver));
  await basket.open(url());
  await basket.add('Bread');
  await basket.add('Butter');
  // Click, then wait: Basket ticks the box only once the change is stored.
  await (await basket.checkbox('Bread')).click();
  await basket.expectList({ Bread: true, Butter: false });
  await (await byRole(driver, 'button', 'Clear bought')).click();
  await basket.expectList({ Butter: false });

  await basket.reload();
  await basket.expectList({ Butter: false });
});

flow('Edit renames, requantifies, deletes; Undo after a reload', async ({ browser, watch }) => {
  const { driver } = await browser();
  const basket = watch(basketWindow(driver));
  await basket.open(url());
  await basket.add('Milk');
  await basket.add('Tea');

  await (await byRole(driver, 'button', 'Edit Tea')).click();
  const sheet = await byRole(driver, 'dialog', 'Edit Tea');
  await basket.type(await byRole(driver, 'textbox', 'Name', { within: sheet }), 'Green tea');
  await basket.type(await byRole(driver, 'spinbutton', 'Quantity', { within: sheet }), '4');
  await (await byRole(driver, 'button', 'Save', { within: sheet })).click();
  await goneByRole(driver, 'dialog', 'Edit Tea');
  await basket.expectList({ Milk: false, 'Green tea': false });
  assert.match(await basket.rowText('Green tea'), /× 4/);

  await (await byRole(driver, 'button', 'Edit Milk')).click();
  const milk = await byRole(driver, 'dialog', 'Edit Milk');
  await (await byRole(driver, 'button', 'Delete Milk', { within: milk })).click();
  await goneByRole(driver, 'dialog', 'Edit Milk');
  await basket.expectList({ 'Green tea': false });

  await basket.reload();
  await basket.expectList({ 'Green tea': false });
  // The header's Undo: the snackbar's is named by what it undoes ("Undo: Deleted Milk.").
  await (await byRole(driver, 'button', 'Undo')).click();
  await basket.expectList({ 'Green tea': false, Milk: false });
  await basket.reload();
  await basket.expectList({ 'Green tea': false, Milk: false });
  assert.match(await basket.rowText('Green tea'), /× 4/);
});

flow('two windows stay in step, both ways', async ({ browser, watch }) => {
  const { driver } = await browser();
  const a = watch(basketWindow(driver));
  await a.open(url());
  await driver.switchTo().newWindow('window');
  const b = watch(basketWindow(driver));
  await b.open(url());

  await a.focus();
  await a.add('Coffee');
  await b.focus();
  await b.expectList({ Coffee: false });

  await (await b.checkbox('Coffee')).click();
  await b.expectList({ Coffee: true });
  await a.focus();
  await a.expectList({ Coffee: true });

  await b.focus();
  await b.add('coffee', 3);
  await a.focus();
  await waitFor(async () => /× 3/.test(await a.rowText('Coffee')), {
    what: 'Coffee × 3 in the first window',
  });
  await a.expectList({ Coffee: false });
});

flow('offline: opens and saves with the server gone', async ({ browser, watch, defer }) => {
  const own = await serveBuild();
  defer(own.stop);
  const { driver } = await browser();
  const basket = watch(basketWindow(driver));
  await basket.open(own.url);
  await basket.add('Candles');
  // The service worker has precached the app shell once it is active.
  const active = await driver.executeAsyncScript(
    'const done = arguments[arguments.length - 1];' +
      'navigator.serviceWorker.ready.then((r) => done(r.active && r.active.scriptURL), (e) => done(String(e)));',
  );
  assert.match(String(active), /\/sw\.js$/);
  await basket.reload();
  const controller = await waitFor(
    () => driver.executeScript('return navigator.serviceWorker.controller?.scriptURL'),
    { what: 'the service worker to control the page' },
  );
  assert.match(String(controller), /\/sw\.js$/);

  await own.stop();
  await assert.rejects(fetch(own.url), 'the server still answers');

  await basket.reload();
  await basket.expectList({ Candles: false });
  await basket.add('Matches');
  await basket.expectList({ Candles: false, Matches: false });
  await basket.reload();
  await basket.expectList({ Candles: false, Matches: false });
});

flow('a backup exported here restores in a fresh profile', async ({ browser, watch }) => {
  const here = await browser();
  const basket = watch(basketWindow(here.driver));
  await basket.open(url());
  await basket.add('Milk', 2);
  await basket.add('Bread');
  await basket.add('Eggs', 12);
  await (await basket.checkbox('Bread')).click();
  await basket.expectList({ Milk: false, Bread: true, Eggs: false });

  // The real download, through Basket's own export: MiniBrowser saves it into the browser's home.
  const menu = await basket.openMenu();
  const backup = await byRole(here.driver, 'region', 'Backup', { within: menu });
  await (await byRole(here.driver, 'button', 'Export backup', { within: backup })).click();
  const saved = await byRole(here.driver, 'status', undefined, {
    within: backup,
    text: /^Backup saved: basket-\d{4}-\d{2}-\d{2}\.json$/,
  });
  const name = (await saved.getText()).replace('Backup saved: ', '');
  const file = join(here.downloads, name);
  await waitFor(async () => (await readdir(here.downloads)).includes(name), {
    what: `${name} to be downloaded`,
  });

  const there = await browser();
  const restored = watch(basketWindow(there.driver));
  await restored.open(url());
  const empty = await byRole(there.driver, 'region', 'Shopping list');
  assert.match(await empty.getText(), /Your list is empty\./);
  await restored.importBackup(file);
  await byRole(there.driver, 'status', undefined, {
    text: 'Imported 4 changes from the backup.',
  });
  await restored.closeMenu();
  await restored.expectList({ Milk: false, Bread: true, Eggs: false });
  assert.match(await restored.rowText('Eggs'), /× 12/);

  await restored.importBackup(file);
  await byRole(there.driver, 'status', undefined, {
    text: 'Nothing new: everything in this backup is already here.',
  });
  await restored.closeMenu();
  await restored.reload();
  await restored.expectList({ Milk: false, Bread: true, Eggs: false });
});

flow('a household of two devices on a real nats-server', async ({ browser, watch, defer }) => {
  const nats = await startNats();
  defer(nats.close);
  const link = await nats.createHousehold('Smith family', url());

  /** Opens the invite link in a fresh browser (a device) and joins as `name`. */
  const join = async (/** @type {string} */ name) => {
    const { driver } = await browser();
    const device = watch(basketWindow(driver));
    await device.open(link);
    // The secret is in the fragment, and Basket takes it out of the address bar at once.
    await waitFor(async () => !(await driver.getCurrentUrl()).includes('#join='), {
      what: 'the invite to leave the address bar',
    });
    const sync = await byRole(driver, 'region', 'Sync');
    await device.type(await byRole(driver, 'textbox', 'Device name', { within: sync }), name);
    await (await byRole(driver, 'button', 'Join', { within: sync })).click();
    await device.expectSynced();
    return device;
  };
  const anna = await join("Anna's phone");
  const ben = await join("Ben's laptop");

  await anna.add('Milk');
  await ben.expectList({ Milk: false });
  await (await ben.checkbox('Milk')).click();
  await ben.expectList({ Milk: true });
  await anna.expectList({ Milk: true });
  await anna.expectSynced();
  await ben.expectSynced();
});
