import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * A household's devices in real Chromium, as a person finds things: by role and accessible name
 * (README, "What a person sees"). Shared by the household stories against a real nats-server.
 */

/** What a household's device shows: the list, the page's notices and the sync status line. */
export function device(page: Page) {
  const list = page.getByRole('list', { name: 'Shopping list' });
  const product = page.getByRole('combobox', { name: 'Product' });
  const checkbox = (name: string) => list.getByRole('checkbox', { name, exact: true });
  return {
    page,
    list,
    /** The header's status line, or the Sync region's while that is open above the list. */
    status: page.getByRole('status').filter({ hasText: /^(Synced|Syncing…|Offline)/ }),
    /** The line where the page tells its news (what was done, what sync refused or lost). */
    notice: page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasNotText: /^(Synced|Syncing…|Offline)/ }),
    checkbox,
    /** A product's row in the list, found by its checkbox. */
    row: (name: string) =>
      list.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name, exact: true }) }),
    async add(name: string, quantity?: number) {
      if (quantity !== undefined) {
        await page.getByRole('spinbutton', { name: 'Quantity' }).fill(String(quantity));
      }
      await product.fill(name);
      await product.press('Enter');
      await expect(product).toHaveValue('');
      await expect(checkbox(name)).toBeVisible();
    },
    /** Edits a product in its Edit sheet: a new name, a new quantity, or both. */
    async edit(name: string, change: { name?: string; quantity?: number }) {
      await list.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
      const form = page.getByRole('dialog', { name: `Edit ${name}`, exact: true });
      if (change.name !== undefined) {
        await form.getByRole('textbox', { name: 'Name' }).fill(change.name);
      }
      if (change.quantity !== undefined) {
        await form.getByRole('spinbutton', { name: 'Quantity' }).fill(String(change.quantity));
      }
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(form).toBeHidden();
      await expect(checkbox(change.name ?? name)).toBeVisible();
    },
    async remove(name: string) {
      await list.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
      await page
        .getByRole('dialog', { name: `Edit ${name}`, exact: true })
        .getByRole('button', { name: `Delete ${name}`, exact: true })
        .click();
      await expect(checkbox(name)).toBeHidden();
    },
    /** Exactly these products, each checked off or not. */
    async expectList(items: Record<string, boolean>) {
      await expect(list.getByRole('checkbox')).toHaveCount(Object.keys(items).length);
      for (const [name, checked] of Object.entries(items)) {
        if (checked) await expect(checkbox(name)).toBeChecked();
        else await expect(checkbox(name)).not.toBeChecked();
      }
    },
  };
}

export type Device = ReturnType<typeof device>;

/** A new browser profile (one device) opens the invite link and joins as `name`. */
export async function joinByLink(
  browser: Browser,
  baseURL: string,
  link: string,
  name: string,
): Promise<Device & { context: BrowserContext }> {
  const context = await browser.newContext({ baseURL });
  return { context, ...(await joinOn(await context.newPage(), link, name)) };
}

/** A page (a tab of some device) opens the invite link and joins as `name`. */
export async function joinOn(page: Page, link: string, name: string): Promise<Device> {
  await page.goto(link);
  const sync = page.getByRole('region', { name: 'Sync' });
  await sync.getByRole('textbox', { name: 'Device name' }).fill(name);
  await sync.getByRole('button', { name: 'Join' }).click();
  const joined = device(page);
  await expect(joined.status).toHaveText('Synced', { timeout: 15_000 });
  return joined;
}
