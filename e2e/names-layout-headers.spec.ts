import { expect, test } from '@playwright/test';
import { basketPage, openMenu } from './basket';
import { serveBuild } from './serve';

// What `npm start` must send with every response, as README "Hosting Basket" lists it.
const policy = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'manifest-src': "'self'",
  'worker-src': "'self'",
  'connect-src': "'self' ws: wss:",
  'frame-ancestors': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'object-src': "'none'",
};

/** A Content-Security-Policy header as directive → sources, whatever order it lists them in. */
const directives = (header: string | undefined) =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources.join(' ')]),
  );

type Violation = { directive: string; blocked: string };

test('every response carries a strict policy, and Basket runs under it without a violation', async ({
  page,
  request,
}) => {
  const server = await serveBuild();
  try {
    const shell = await request.get(server.url);
    const html = await shell.text();
    const asset = /\/assets\/index-[\w-]+\.js/.exec(html)?.[0];
    expect(asset, 'the page loads a hashed script').toBeDefined();
    // No inline script or style for the policy to have to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);

    for (const path of [
      '/',
      asset!,
      '/sw.js',
      '/manifest.webmanifest',
      '/a/deep/link',
      '/no.png',
    ]) {
      const response = await request.get(new URL(path, server.url).href);
      const headers = response.headers();
      expect(directives(headers['content-security-policy']), `the policy of ${path}`).toEqual(
        policy,
      );
      expect(headers['x-content-type-options'], `nosniff on ${path}`).toBe('nosniff');
      expect(headers['referrer-policy'], `the referrer policy of ${path}`).toBe('no-referrer');
    }

    // Listen for violations before any of Basket's code runs.
    await page.addInitScript(() => {
      const seen: Violation[] = [];
      (window as unknown as { violations: Violation[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
      );
    });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const violations = () =>
      page.evaluate(() => (window as unknown as { violations: Violation[] }).violations);

    // A person uses Basket: lazy chunks (the history, Chinese), the service worker, a reload
    // from it, and a backup download.
    await page.goto(server.url);
    const basket = basketPage(page);
    await basket.add('Milk', 2);
    await (await openMenu(page)).getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('region', { name: 'History' });
    await expect(history).toContainText('Added Milk × 2.');
    await history.getByRole('button', { name: 'Back to the list' }).click();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect(basket.checkbox('Milk')).toBeVisible();
    const menu = await openMenu(page);
    const download = page.waitForEvent('download');
    await menu.getByRole('button', { name: 'Export backup' }).click();
    await download;
    await menu.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('button', { name: '历史', exact: true })).toBeVisible();

    expect(await violations()).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);

    // And the policy is in force, even from the service worker's copy: inline script is refused.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.body.append(script);
      return 'inlineRan' in window;
    });
    expect(ran).toBe(false);
    await expect.poll(violations).toEqual([{ directive: 'script-src-elem', blocked: 'inline' }]);
  } finally {
    await server.stop();
  }
});
