// @ts-check
/**
 * Basket's flows in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, on Xvfb), found by
 * role and accessible name as WebKit computes them. Each flow opens its own browsers, each a
 * fresh profile; all of them share one X display and one preview server of the built app, except
 * the offline flow, which stops a server of its own. Any console error or warning, uncaught error
 * or unhandled rejection seen in a window fails its flow.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  allByRole,
  basketWindow,
  By,
  byRole,
  findTools,
  flowResources,
  openBrowser,
  serveBuild,
  startXvfb,
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
