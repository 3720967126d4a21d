import { expect, type Browser, type Page } from '@playwright/test';

/** What a household's device shows: the list, the Sync panel and the header's status line. */
export function device(page: Page) {
  const list = page.getByRole('list', { name: 'Shopping list' });
  const product = page.getByRole('combobox', { name: 'Product' });
  return {
    page,
    list,
    status: page
      .getByRole('banner')
      .getByRole('status')
      .filter({ hasText: /^(Synced|Syncing…|Offline)/ }),
    checkbox: (name: string) => list.getByRole('checkbox', { name, exact: true }),
    async add(name: string) {
      await product.fill(name);
      await product.press('Enter');
      await expect(product).toHaveValue('');
      await expect(this.checkbox(name)).toBeVisible();
    },
    /** Exactly these products, each checked off or not. */
    async expectList(items: Record<string, boolean>) {
      await expect(list.getByRole('checkbox')).toHaveCount(Object.keys(items).length);
      for (const [name, checked] of Object.entries(items)) {
        if (checked) await expect(this.checkbox(name)).toBeChecked();
        else await expect(this.checkbox(name)).not.toBeChecked();
      }
    },
  };
}

/** A new browser profile (one device) opens the invite link and joins as `name`. */
export async function joinByLink(browser: Browser, baseURL: string, link: string, name: string) {
  const context = await browser.newContext({ baseURL });
  return { context, ...(await joinOn(await context.newPage(), link, name)) };
}

/** A page (a tab of some device) opens the invite link and joins as `name`. */
export async function joinOn(page: Page, link: string, name: string) {
  await page.goto(link);
  const sync = page.getByRole('region', { name: 'Sync' });
  await sync.getByRole('textbox', { name: 'Device name' }).fill(name);
  await sync.getByRole('button', { name: 'Join' }).click();
  const joined = device(page);
  await expect(joined.status).toHaveText('Synced', { timeout: 15_000 });
  return joined;
}
