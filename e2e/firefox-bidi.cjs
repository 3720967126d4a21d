// Bridges the gaps between Playwright's WebDriver BiDi Firefox and Debian's firefox-esr, so the
// end-to-end suite runs unchanged in Firefox (../shared/ENGINES.md §3.1 found them). Loaded by
// playwright.config.ts, so it runs in the runner and in every worker, before any browser starts.
//
// 1. Playwright sends `emulation.setMediaFeaturesOverride` for every context; firefox-esr has no
//    such command and refuses the context. It is answered here. Firefox cannot be made dark or
//    light per context, so the colour scheme is the browser's own: light, or dark when launched
//    with the `layout.css.prefers-color-scheme.content-override` preference at 0. A context that
//    asks for the other one fails loudly instead of running in the wrong scheme and passing.
// 2. Playwright's BiDi `fill()` assigns `input.value` and sends an untrusted `input` event, which
//    React's value tracker ignores (and which appends in `<input type=number>`, "1" → "12"). Here
//    text goes in through `execCommand('insertText')`: a real edit, with trusted input events,
//    replacing the selection that `fill()` made.
// 3. Playwright's BiDi touchscreen `tap()` is an empty method: nothing reaches the page. Here it
//    is a touch pointer action (move, down, up), which Firefox turns into touch, pointer and
//    click events as a phone would.
// 4. firefox-esr announces a download with `navigation: null` and no `download` id, and
//    Playwright drops such events, so `waitForEvent('download')` never fires. Each download gets
//    an id here, keyed by its URL.
//
// Every patch checks its anchor in Playwright's code and throws if it is gone: an upgrade of
// @playwright/test (pinned exactly in package.json) cannot leave Firefox half-bridged.
'use strict';

const { createRequire } = require('node:module');

// Playwright's loader hooks serve a second copy of its bundle to a plain `require` from here;
// patching that copy would do nothing. A require of our own reaches the copy Playwright runs.
const requireHere = createRequire(__filename);
const PINNED = '1.65.1';
const { version } = requireHere('playwright-core/package.json');
const core = requireHere('playwright-core/lib/coreBundle');
const { server } = core;

function anchor(ok, what) {
  if (!ok) {
    throw new Error(
      `e2e/firefox-bidi.cjs: ${what} is not where Playwright ${PINNED} had it (this is ${version}). ` +
        'Check the Firefox gaps again against this Playwright before moving the pin.',
    );
  }
}

anchor(version === PINNED, 'the version');
const Transport = server?.WebSocketTransport;
const Context = server?.BrowserContext;
const Browser = server?.Browser;
const Page = server?.Page;
anchor(typeof Transport?.prototype.send === 'function', 'WebSocketTransport#send');
anchor(
  typeof Context?.prototype.extendInjectedScript === 'function',
  'BrowserContext#extendInjectedScript',
);
anchor(typeof Browser?.prototype.newContext === 'function', 'Browser#newContext');
anchor(typeof Page?.prototype.emulateMedia === 'function', 'Page#emulateMedia');

const DARK_PREF = 'layout.css.prefers-color-scheme.content-override';

if (!Transport.prototype.__basketFirefox) {
  Transport.prototype.__basketFirefox = true;

  // 1. The media override: answered here, as the browser has no such command.
  const send = Transport.prototype.send;
  Transport.prototype.send = function (message) {
    if (message && message.method === 'emulation.setMediaFeaturesOverride') {
      setImmediate(() => this.onmessage?.({ type: 'success', id: message.id, result: {} }));
      return;
    }
    return send.call(this, message);
  };

  // 4. Downloads: an id for each, the same for its start and its end.
  Object.defineProperty(Transport.prototype, 'onmessage', {
    configurable: true,
    get() {
      return this.__basketOnMessage;
    },
    set(handler) {
      if (typeof handler !== 'function') {
        this.__basketOnMessage = handler;
        return;
      }
      const downloads = new Map(); // url → ids of downloads begun and not yet ended
      let next = 0;
      this.__basketOnMessage = (message) => {
        const params = message?.params;
        if (message?.type === 'event' && params && !params.download && !params.navigation) {
          if (message.method === 'browsingContext.downloadWillBegin') {
            const id = `basket-download-${++next}`;
            downloads.set(params.url, [...(downloads.get(params.url) ?? []), id]);
            message = { ...message, params: { ...params, download: id } };
          } else if (message.method === 'browsingContext.downloadEnd') {
            const [id, ...rest] = downloads.get(params.url) ?? [];
            if (id) {
              if (rest.length) downloads.set(params.url, rest);
              else downloads.delete(params.url);
              message = { ...message, params: { ...params, download: id } };
            }
          }
        }
        return handler(message);
      };
    },
  });

  // 2. fill(): text into inputs as a real edit.
  const INPUT_BRANCH = '} else if (elementType === "input" || elementType === "textarea") {';
  const extend = Context.prototype.extendInjectedScript;
  Context.prototype.extendInjectedScript = function (source, arg) {
    if (typeof source === 'string' && source.includes('window.__pw_bidiInsertText =')) {
      anchor(source.includes(INPUT_BRANCH), "the input branch of Playwright's bidiInsertText");
      source = source.replace(
        INPUT_BRANCH,
        `${INPUT_BRANCH}\n    if (element.ownerDocument.execCommand("insertText", false, text)) return;`,
      );
    }
    return extend.call(this, source, arg);
  };

  // 3. tap(): a touch pointer action, patched onto Playwright's BiDi touchscreen when a page
  //    gets one (the empty method is the anchor: a Playwright that implements it is left as is).
  Object.defineProperty(Page.prototype, 'touchscreen', {
    configurable: true,
    get() {
      return this.__basketTouchscreen;
    },
    set(touchscreen) {
      this.__basketTouchscreen = touchscreen;
      const raw = touchscreen?._raw;
      const proto = raw && Object.getPrototypeOf(raw);
      if (!proto || proto.__basketTap || !raw._session) return;
      if (!/^async tap\([^)]*\)\s*\{\s*\}$/.test(String(proto.tap))) return;
      proto.__basketTap = true;
      proto.tap = async function (progress, x, y) {
        const at = { type: 'pointerMove', x: Math.round(x), y: Math.round(y) };
        const finger = {
          type: 'pointer',
          id: 'basket-touch',
          parameters: { pointerType: 'touch' },
          actions: [at, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
        };
        const sent = this._session.send('input.performActions', {
          context: this._session.sessionId,
          actions: [finger],
        });
        await (progress ? progress.race(sent) : sent);
      };
    },
  });

  // 1, continued: a context or page asks only for the scheme the browser shows.
  const isBidiFirefox = (browser) =>
    Boolean(browser && '_browserSession' in browser && browser.options?.name === 'firefox');
  function checkScheme(browser, scheme) {
    if (!isBidiFirefox(browser) || scheme === undefined || scheme === null) return;
    if (scheme === 'no-override' || scheme === 'no-preference') return;
    const prefs = browser.options.originalLaunchOptions?.firefoxUserPrefs ?? {};
    const shows = prefs[DARK_PREF] === 0 ? 'dark' : 'light';
    if (scheme !== shows) {
      throw new Error(
        `firefox-esr cannot emulate prefers-color-scheme: ${scheme} over WebDriver BiDi, and this ` +
          `browser was launched ${shows}. Run it in the Firefox project launched ${scheme} ` +
          `(firefoxUserPrefs { '${DARK_PREF}': ${scheme === 'dark' ? 0 : 1} }).`,
      );
    }
  }
  const newContext = Browser.prototype.newContext;
  Browser.prototype.newContext = function (progress, options) {
    checkScheme(this, options?.colorScheme ?? 'light');
    return newContext.call(this, progress, options);
  };
  const emulateMedia = Page.prototype.emulateMedia;
  Page.prototype.emulateMedia = function (progress, options) {
    checkScheme(this.browserContext?._browser, options?.colorScheme);
    return emulateMedia.call(this, progress, options);
  };
}
