import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { decodeInvite } from '../src/sync/invite';
import type { NatsAccount } from './nats';
import { installProbe } from './probe';

/** The devices of bench/sync.ts: browser contexts of the real app, each with its own storage. */

/** What an invite link gives a device: the server, the household and its browser user. */
export function accountOf(link: string): NatsAccount {
  const reading = decodeInvite(link);
  if (!reading.ok) throw new Error(`the household's invite link does not read: ${reading.problem}`);
  const { server, household, seed } = reading.invite;
  return { server, household, seed };
}

/** The sync status line: the header's, or the Sync region's while that is open above the list. */
const statusOf = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Synced|Syncing…|Offline)/ });

/** A new browser profile (one device) opens the invite link and names itself; not yet joined. */
export async function openDevice(
  browser: Browser,
  contexts: BrowserContext[],
  link: string,
  name: string,
) {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(link);
  const sync = page.getByRole('region', { name: 'Sync' });
  await sync.getByRole('textbox', { name: 'Device name' }).fill(name);
  return page;
}

export async function joinDevice(
  browser: Browser,
  contexts: BrowserContext[],
  link: string,
  name: string,
) {
  const page = await openDevice(browser, contexts, link, name);
  await page.getByRole('region', { name: 'Sync' }).getByRole('button', { name: 'Join' }).click();
  await expect(statusOf(page)).toHaveText('Synced', { timeout: 15_000 });
  return page;
}

/**
 * How far the two pages' clocks can be told apart: each reads `now()` between two reads of the
 * other's, and what falls outside that bracket is a disagreement (0 when none shows).
 */
export async function clockDisagreement(a: Page, b: Page) {
  let worst = 0;
  for (let i = 0; i < 5; i += 1) {
    const before = await a.evaluate(() => window.probe.now());
    const theirs = await b.evaluate(() => window.probe.now());
    const after = await a.evaluate(() => window.probe.now());
    const off = theirs < before ? before - theirs : theirs > after ? theirs - after : 0;
    worst = Math.max(worst, off);
  }
  return worst;
}
