// @ts-check
/**
 * Basket in WebKit: WebKitGTK's MiniBrowser, driven by WebKitWebDriver over W3C WebDriver
 * classic (selenium-webdriver), on an Xvfb display. WebKitGTK has no headless mode, and Debian's
 * WebKitWebDriver speaks no BiDi, so Playwright cannot drive it (see /work/shared/ENGINES.md).
 *
 * Everything this module starts (Xvfb, each WebKitWebDriver, each MiniBrowser session, the
 * preview servers) is stopped by its pid when the flow or the run ends, whether it passed or not;
 * a last `exit` hook kills whatever a crash left behind.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Builder, By, error as webdriverErrors, Key } from 'selenium-webdriver';
import { build, preview } from 'vite';

export { By, Key };

/** The checkout: Vite's config and `dist/` are found from here, whatever the working folder. */
export const ROOT = resolve(import.meta.dirname, '..');

const INSTALL = 'Install them: sudo apt-get install -y webkit2gtk-driver xvfb';

/** Where each tool is: an environment variable, else the first of the usual paths that exists. */
const TOOLS = {
  webDriver: { env: 'WEBKIT_WEBDRIVER', paths: ['/usr/bin/WebKitWebDriver'] },
  miniBrowser: {
    env: 'MINIBROWSER',
    paths: [
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
    ],
  },
  xvfb: { env: 'XVFB', paths: ['/usr/bin/Xvfb'] },
};

/**
 * The three programs the WebKit run needs. Missing ones fail the run (never skip it) with how to
 * install them.
 * @returns {{ webDriver: string, miniBrowser: string, xvfb: string }}
 */
export function findTools() {
  /** @type {Record<string, string>} */
  const found = {};
  const problems = [];
  for (const [key, { env, paths }] of Object.entries(TOOLS)) {
    const fromEnv = process.env[env];
    if (fromEnv) {
      if (existsSync(fromEnv)) found[key] = fromEnv;
      else problems.push(`${env} is set to ${fromEnv}, but there is no file there.`);
      continue;
    }
    const path = paths.find((candidate) => existsSync(candidate));
    if (path) found[key] = path;
    else problems.push(`${paths[0]} is missing (or set ${env} to its path).`);
  }
  if (problems.length) {
    throw new Error(
      [
        'The WebKit end-to-end run needs WebKitWebDriver, MiniBrowser and Xvfb.',
        ...problems,
        INSTALL,
      ].join('\n'),
    );
  }
  return /** @type {{ webDriver: string, miniBrowser: string, xvfb: string }} */ (found);
}

/**
 * What this run started and has not stopped yet. Each child leads a process group of its own, so
 * that stopping WebKitWebDriver by its pid (the group's id) also stops the MiniBrowser it started
 * and that browser's web and network processes, even when the session could not be quit.
 * @type {Set<import('node:child_process').ChildProcess>}
 */
const children = new Set();

/** @param {number | undefined} pid @param {NodeJS.Signals} signal */
function signalGroup(pid, signal) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // gone already
  }
}

/** The browsers' home folders not removed yet (see openBrowser). */
const homes = new Set();

process.on('exit', () => {
  for (const child of children) signalGroup(child.pid, 'SIGKILL');
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 */
function start(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/**
 * Stops a child and its process group by its pid: SIGTERM, then SIGKILL if the child has not gone
 * after 5 s. What the group still holds then is killed too.
 * @param {import('node:child_process').ChildProcess} child
 */
async function stop(child) {
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((done) => child.once('exit', done));
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
  signalGroup(child.pid, 'SIGKILL');
}

/** A loopback port nothing listens on at this moment (the OS picks it). */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail()));
    });
  });
}

/**
 * One X server for the run, on a display it picks itself (`-displayfd` writes the number once it
 * accepts connections), so it never takes another run's display.
 * @param {string} xvfb
 */
export async function startXvfb(xvfb) {
  const child = start(
    xvfb,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const display = await new Promise((done, fail) => {
    let text = '';
    child.stdio[3]?.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) done(`:${text.trim()}`);
    });
    child.once('exit', (code) =>
      fail(new Error(`Xvfb exited (${code}) before it was ready:\n${stderr}`)),
    );
    child.once('error', fail);
  });
  return { display, stop: () => stop(child) };
}

/** More than one element matched where one was asked for. */
class Ambiguous extends Error {}

/**
 * Polls `probe` until it gives something other than undefined, null or false, and returns that.
 * WebDriver errors from elements React replaced meanwhile count as "not yet". On timeout it
 * throws with `what` and the last error seen, so a failure says what was waited for.
 * @template T
 * @param {() => Promise<T | undefined | null | false> | T | undefined | null | false} probe
 * @param {{ what: string, timeout?: number }} options
 * @returns {Promise<T>}
 */
export async function waitFor(probe, { what, timeout = 15_000 }) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      if (
        !(error instanceof webdriverErrors.StaleElementReferenceError) &&
        !(error instanceof webdriverErrors.NoSuchElementError) &&
        !(error instanceof webdriverErrors.ElementNotInteractableError) &&
        !(error instanceof webdriverErrors.ElementClickInterceptedError) &&
        !(error instanceof Ambiguous)
      ) {
        throw error;
      }
      last = error;
    }
    if (Date.now() > until) {
      const detail = last instanceof Error ? `\nlast: ${last.message}` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await sleep(50);
  }
}

/** The built app as `npm start` serves it, on a port of its own; `dist/` is built if missing. */
export async function serveBuild() {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    await build({ root: ROOT, logLevel: 'warn' });
  }
  const server = await preview({
    root: ROOT,
    build: { outDir: 'dist' },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const http = /** @type {import('node:http').Server} */ (server.httpServer);
  const { port } = /** @type {import('node:net').AddressInfo} */ (http.address());
  let stopped = false;
  return {
    url: `http://localhost:${port}/`,
    async stop() {
      if (stopped) return;
      stopped = true;
      const closed = new Promise((done, fail) =>
        http.close((error) => (error ? fail(error) : done(undefined))),
      );
      http.closeAllConnections();
      await closed;
    },
  };
}

/**
 * One WebKitWebDriver on a free port, ready (its /status says so), and one MiniBrowser session
 * on it (WebKitWebDriver holds one session at a time). Each session is a fresh, ephemeral
 * profile: its IndexedDB, service workers and localStorage start empty and are gone when it
 * quits. `close()` quits the session, stops the driver and removes the browser's home.
 * @param {{ webDriver: string, miniBrowser: string }} tools
 * @param {string} display
 */
export async function openBrowser(tools, display) {
  // MiniBrowser saves downloads straight into $HOME (no XDG download folder is set up there), so
  // each browser gets a home of its own: its downloads are the files in it. The font and shader
  // caches stay where they were, so a fresh home costs no start-up time.
  const home = await mkdtemp(join(tmpdir(), 'basket-webkit-'));
  const env = {
    ...process.env,
    DISPLAY: display,
    HOME: home,
    XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
  };
  homes.add(home);
  const removeHome = async () => {
    await rm(home, { recursive: true, force: true });
    homes.delete(home);
  };
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = start(tools.webDriver, [`--port=${port}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited: ${stderr}`);
          const response = await fetch(`${url}/status`).catch(() => undefined);
          return response?.ok && (await response.json()).value?.ready;
        },
        { what: `WebKitWebDriver on port ${port}`, timeout: 20_000 },
      );
    } catch (error) {
      await stop(child);
      // Another process may take the port between picking and binding it: pick again.
      if (attempt < 3) continue;
      await removeHome();
      throw error;
    }
    let driver;
    try {
      driver = await new Builder()
        .usingServer(url)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: tools.miniBrowser, args: ['--automation'] },
        })
        .build();
      await driver.manage().setTimeouts({ implicit: 0, pageLoad: 30_000, script: 30_000 });
    } catch (error) {
      await stop(child);
      await removeHome();
      throw error;
    }
    return {
      driver,
      /** The folder this browser's downloads land in. */
      downloads: home,
      async close() {
        try {
          await driver.quit();
        } finally {
          await stop(child);
          await removeHome();
        }
      },
    };
  }
}

/*
 * Roles as WebKit computes them. Elements are found by role and accessible name as WebKit's own
 * accessibility code gives them (WebDriver "Get Computed Role" and "Get Computed Label"), among
 * the CSS candidates for that role below.
 *
 * WebKit maps two of Basket's controls to other roles than the README's table (and Chromium,
 * and Playwright's own role engine). These are WebKit's mappings, not Basket's markup, so they
 * are accepted here, and only here, for exactly those elements:
 *  - a `<select>` ("List", "Language", "Currency", "Category") is a combobox; WebKitGTK 2.50
 *    computes `button` (a popup button, as on macOS);
 *  - an `<input type=number>` ("Quantity", "Price") is a spinbutton; WebKitGTK 2.50 computes
 *    `textbox`.
 * The newer value is accepted too, so this keeps working when WebKit changes its mapping.
 *
 * A third: the backup's file input has no ARIA role (Playwright finds it by its label); WebKit
 * computes `button` for it, named by its label and then its own "Choose File". So file inputs
 * are candidates for `button` below, and `importBackup` finds it as button "Import backup…".
 */
const WEBKIT_ROLE_ALIASES = [
  { role: 'combobox', element: 'select', webkit: 'button' },
  { role: 'spinbutton', element: 'input[type=number]', webkit: 'textbox' },
];

/** CSS for the elements that may have each role; the computed role decides among them. */
const CANDIDATES = {
  button: 'button, [role=button], input[type=button], input[type=submit], input[type=file]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  combobox: 'select, input, [role=combobox]',
  dialog: 'dialog, [role=dialog], [role=alertdialog]',
  list: 'ul, ol, [role=list]',
  listitem: 'li, [role=listitem]',
  region: 'section, [role=region]',
  searchbox: 'input[type=search], [role=searchbox]',
  spinbutton: 'input[type=number], [role=spinbutton]',
  status: '[role=status], output',
  alert: '[role=alert]',
  textbox: 'input:not([type]), input[type=text], input[type=url], textarea, [role=textbox]',
};

/**
 * Whether WebKit's computed role for `element` is `role`, or WebKit's own mapping of it above.
 * @param {import('selenium-webdriver').WebElement} element
 * @param {string} role
 */
async function hasRole(element, role) {
  const computed = await element.getAriaRole();
  if (computed === role) return true;
  for (const alias of WEBKIT_ROLE_ALIASES) {
    if (alias.role === role && computed === alias.webkit) {
      const matches = await element
        .getDriver()
        .executeScript('return arguments[0].matches(arguments[1])', element, alias.element);
      if (matches) return true;
    }
  }
  return false;
}

/**
 * @typedef {import('selenium-webdriver').WebElement} WebElement
 * @typedef {import('selenium-webdriver').WebDriver} WebDriver
 * @typedef {{ within?: WebElement | WebDriver, hidden?: boolean, text?: string | RegExp }} Scope
 */

/** @param {string} actual @param {string | RegExp | undefined} wanted */
const matches = (actual, wanted) =>
  wanted === undefined || (typeof wanted === 'string' ? actual === wanted : wanted.test(actual));

/**
 * Every element shown in `within` (the page by default) with `role` and, when given, exactly the
 * accessible name `name` (or one matching it, for a RegExp). Hidden ones are left out, as a person
 * cannot see them, unless `hidden` is set.
 * @param {WebDriver} driver
 * @param {keyof typeof CANDIDATES} role
 * @param {string | RegExp | undefined} name
 * @param {Scope} [scope]
 * @returns {Promise<WebElement[]>}
 */
export async function allByRole(
  driver,
  role,
  name,
  { within = driver, hidden = false, text } = {},
) {
  const found = [];
  for (const element of await within.findElements(By.css(CANDIDATES[role]))) {
    if (!hidden && !(await element.isDisplayed())) continue;
    if (!(await hasRole(element, role))) continue;
    if (name !== undefined && !matches(await element.getAccessibleName(), name)) continue;
    if (text !== undefined && !matches(await element.getText(), text)) continue;
    found.push(element);
  }
  return found;
}

/**
 * The one element shown with this role and name (and text, if `scope.text` is given), waited
 * for. More than one is an error, as in Playwright's strict locators. A `status` has no name of
 * its own (its text is not its name), so statuses are found by `text` with `name` undefined.
 * @param {WebDriver} driver
 * @param {keyof typeof CANDIDATES} role
 * @param {string | RegExp | undefined} name
 * @param {Scope & { timeout?: number }} [scope]
 * @returns {Promise<WebElement>}
 */
export async function byRole(driver, role, name, scope = {}) {
  return waitFor(
    async () => {
      const found = await allByRole(driver, role, name, scope);
      // As strict as Playwright's locators, but a page in mid-change may hold two for a moment.
      if (found.length > 1) throw new Ambiguous(`${found.length} elements match`);
      return found[0];
    },
    { what: describe(role, name, scope.text), timeout: scope.timeout },
  );
}

/** @param {string} role @param {string | RegExp | undefined} name @param {string | RegExp | undefined} text */
const describe = (role, name, text) =>
  [role, name !== undefined && `"${name}"`, text !== undefined && `with text "${text}"`]
    .filter(Boolean)
    .join(' ');

/** Waits until no element shown has this role and name. */
export async function goneByRole(
  /** @type {WebDriver} */ driver,
  /** @type {keyof typeof CANDIDATES} */ role,
  /** @type {string | RegExp} */ name,
  /** @type {Scope & { timeout?: number }} */ scope = {},
) {
  await waitFor(async () => (await allByRole(driver, role, name, scope)).length === 0, {
    what: `${describe(role, name, scope.text)} to be gone`,
    timeout: scope.timeout,
  });
}

/**
 * Installed after every load: WebDriver classic has no log endpoint, and MiniBrowser ignores
 * `--enable-write-console-messages-to-stdout` in `--automation` mode. Catches console.error and
 * console.warn, uncaught errors and unhandled rejections from then on (not what happened during
 * the load itself, before the hook was in).
 */
function consoleHook() {
  // Runs in the page (sent as source text), so it names the page's globals through globalThis.
  const page = /** @type {any} */ (globalThis);
  if (page.__basketProblems) return;
  /** @type {string[]} */
  const problems = (page.__basketProblems = []);
  /** @param {unknown} value */
  const text = (value) => {
    // JavaScriptCore's stack holds only the frames, not the message.
    if (value instanceof Error) return `${value}${value.stack ? `\n${value.stack}` : ''}`;
    if (typeof value === 'string') return value;
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  for (const level of /** @type {const} */ (['error', 'warn'])) {
    const original = page.console[level];
    page.console[level] = (/** @type {unknown[]} */ ...args) => {
      problems.push(`console.${level}: ${args.map(text).join(' ')}`);
      return original.apply(page.console, args);
    };
  }
  page.addEventListener('error', (/** @type {any} */ event) => {
    const what = event.error ? text(event.error) : event.message;
    problems.push(`uncaught: ${what} at ${event.filename}:${event.lineno}`);
  });
  page.addEventListener('unhandledrejection', (/** @type {any} */ event) => {
    problems.push(`unhandled rejection: ${text(event.reason)}`);
  });
}
const CONSOLE_HOOK = `(${consoleHook})();`;

/**
 * A window of Basket: what a person does and sees there, in the README's accessible names, plus
 * the console problems seen in it. Every load goes through `open`/`reload`, which wait for the
 * app and install the console hook.
 * @param {WebDriver} driver
 */
export function basketWindow(driver) {
  /** @type {string[]} */
  const problems = [];
  /** @type {string | undefined} */
  let handle;

  const list = () => byRole(driver, 'list', 'Shopping list');

  const page = {
    driver,
    problems,
    /** Product names as shown, in order, with whether each is checked off. */
    async products() {
      const boxes = await allByRole(driver, 'checkbox', undefined, { within: await list() });
      return Promise.all(
        boxes.map(async (box) => ({
          name: await box.getAccessibleName(),
          checked: await box.isSelected(),
        })),
      );
    },
    /** Collects what the console hook caught, before the page goes away. */
    async collect() {
      /** @type {string[] | null} */
      const caught = await driver.executeScript(
        'const p = window.__basketProblems; window.__basketProblems = p && []; return p;',
      );
      if (caught === null) problems.push('the console hook was not installed in this page');
      else problems.push(...caught);
    },
    /** After a load: waits until Basket is up and installs the console hook. */
    async ready() {
      handle = await driver.getWindowHandle();
      await waitFor(() => driver.executeScript('return document.readyState === "complete"'), {
        what: 'the page to load',
      });
      await driver.executeScript(CONSOLE_HOOK);
      await byRole(driver, 'combobox', 'Product', { timeout: 20_000 });
    },
    /** @param {string} url */
    async open(url) {
      await driver.get(url);
      await page.ready();
    },
    async reload() {
      await page.collect();
      await driver.navigate().refresh();
      await page.ready();
    },
    /** Brings this window to the front, for the WebDriver commands that follow. */
    async focus() {
      if (handle) await driver.switchTo().window(handle);
    },
    /**
     * Types into a field as a person would: WebDriver's Element Clear first (not
     * Key.chord(CONTROL, 'a'), whose Control WebKitWebDriver 2.50 never releases), then real keys.
     * @param {WebElement} field
     * @param {string} text
     */
    async type(field, text) {
      await field.clear();
      await field.sendKeys(text);
      await waitFor(async () => (await field.getAttribute('value')) === text, {
        what: `the field to hold "${text}"`,
      });
    },
    /**
     * Adds a product in the add bar: the quantity first, when given, then the name and Enter.
     * @param {string} name
     * @param {number} [quantity]
     */
    async add(name, quantity) {
      if (quantity !== undefined) {
        await page.type(await byRole(driver, 'spinbutton', 'Quantity'), String(quantity));
      }
      const product = await byRole(driver, 'combobox', 'Product');
      await page.type(product, name);
      await product.sendKeys(Key.ENTER);
      await waitFor(async () => (await product.getAttribute('value')) === '', {
        what: `the Product field to empty after adding "${name}"`,
      });
    },
    /** Opens the Menu (unless it is open) and gives its dialog. */
    async openMenu() {
      const open = await allByRole(driver, 'dialog', 'Menu');
      if (open[0]) return open[0];
      await (await byRole(driver, 'button', 'Menu')).click();
      return byRole(driver, 'dialog', 'Menu');
    },
    /**
     * Closes the Menu by its Close button. The page behind a modal sheet is inert, and WebKit
     * leaves inert content out of its accessibility tree, so the list is read with it closed.
     */
    async closeMenu() {
      const menu = await byRole(driver, 'dialog', 'Menu');
      await (await byRole(driver, 'button', 'Close menu', { within: menu })).click();
      await goneByRole(driver, 'dialog', 'Menu');
    },
    /**
     * Chooses a file in the Menu's "Import backup" file input, as the file chooser would: WebDriver
     * sends a file input the file's path. WebKit computes that input's role as `button` and its
     * name as its label followed by the button's own text, "Import backup Choose File"; it is
     * drawn 1 px small, so it counts as not shown.
     * @param {string} path
     */
    async importBackup(path) {
      const backup = await byRole(driver, 'region', 'Backup', { within: await page.openMenu() });
      const input = await byRole(driver, 'button', /^Import backup\b/, {
        within: backup,
        hidden: true,
      });
      assert(
        (await input.getAttribute('type')) === 'file',
        'the "Import backup" control is a file input',
      );
      await input.sendKeys(path);
    },
    /** Waits until the sync status line says Synced. */
    async expectSynced(timeout = 30_000) {
      await byRole(driver, 'status', undefined, { text: 'Synced', timeout });
    },
    /** The checkbox of a product, named exactly by it, in the list. */
    async checkbox(/** @type {string} */ name, /** @type {{ timeout?: number }} */ options = {}) {
      return byRole(driver, 'checkbox', name, { within: await list(), ...options });
    },
    /** The text of a product's row (its name, amount, price…). */
    async rowText(/** @type {string} */ name) {
      const box = await page.checkbox(name);
      return box.findElement(By.xpath('ancestor::li[1]')).getText();
    },
    /** Waits until the list holds exactly these products, each checked off or not. */
    async expectList(
      /** @type {Record<string, boolean>} */ expected,
      /** @type {number} */ timeout = 15_000,
    ) {
      const want = JSON.stringify(Object.entries(expected).sort());
      let seen = '';
      await waitFor(
        async () => {
          const now = await page.products();
          seen = JSON.stringify(now.map(({ name, checked }) => [name, checked]));
          return JSON.stringify(now.map(({ name, checked }) => [name, checked]).sort()) === want;
        },
        { what: `the list to be ${want}`, timeout },
      ).catch((error) => {
        throw new Error(`${error.message}\nthe list shows ${seen}`);
      });
    },
  };
  return page;
}

/**
 * A flow's browsers and servers, stopped at its end in reverse order, whatever happened. Fails
 * the flow if any window's console caught an error or warning.
 */
export function flowResources() {
  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  /** @type {ReturnType<typeof basketWindow>[]} */
  const windows = [];
  return {
    /** @param {() => Promise<void>} cleanup */
    defer(cleanup) {
      cleanups.push(cleanup);
    },
    /** @param {ReturnType<typeof basketWindow>} window */
    watch(window) {
      windows.push(window);
      return window;
    },
    /** The console problems of every watched window still open, collected now. */
    async problems() {
      const all = [];
      for (const window of windows) {
        try {
          await window.focus();
          await window.collect();
        } catch (error) {
          all.push(`could not read the console hook: ${error}`);
        }
        all.push(...window.problems);
      }
      return all;
    },
    async close() {
      const errors = [];
      for (const cleanup of cleanups.reverse()) {
        try {
          await cleanup();
        } catch (error) {
          errors.push(error);
        }
      }
      if (errors.length) throw errors[0];
    },
  };
}
