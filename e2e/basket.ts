import { expect, type BrowserContext, type Page } from '@playwright/test';

/** What a person does and sees, in the words of DESIGN §5. */
export function basketPage(page: Page) {
  const list = page.getByRole('list', { name: 'Shopping list' });
  return {
    list,
    product: page.getByRole('combobox', { name: 'Product' }),
    quantity: page.getByRole('spinbutton', { name: 'Quantity' }),
    async add(name: string, quantity?: number) {
      await this.product.fill(name);
      if (quantity !== undefined) await this.quantity.fill(String(quantity));
      await this.product.press('Enter');
      await expect(page.getByRole('status')).toContainText(/Added|is now|back on the list/);
      await expect(this.product).toHaveValue('');
    },
    checkbox: (name: string) => page.getByRole('checkbox', { name, exact: true }),
    async expectProducts(names: string[]) {
      await expect(list.getByRole('checkbox')).toHaveCount(names.length);
      for (const name of names)
        await expect(list.getByRole('checkbox', { name, exact: true })).toBeVisible();
    },
  };
}

/** Two tabs on Basket in one browser profile, both showing the list. */
export async function twoTabs(context: BrowserContext) {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto('/');
  await second.goto('/');
  return { first, second, a: basketPage(first), b: basketPage(second) };
}

/**
 * The menu's sheet, where the rarely used controls live (History, Sync, Language, Currency,
 * Backup, New/Rename/Delete list): opened by "Menu" unless it is open already.
 */
export async function openMenu(page: Page, name = 'Menu') {
  const menu = page.getByRole('dialog', { name });
  if (!(await menu.isVisible())) await page.getByRole('button', { name, exact: true }).click();
  await expect(menu).toBeVisible();
  return menu;
}

/** Closes the menu by its Close button, back onto the list. */
export async function closeMenu(page: Page) {
  const menu = page.getByRole('dialog', { name: 'Menu' });
  await menu.getByRole('button', { name: 'Close menu' }).click();
  await expect(menu).toBeHidden();
}

/** Makes a list through the menu's "New list" and waits until it is the one open. */
export async function newList(page: Page, name: string) {
  const menu = await openMenu(page);
  await menu.getByRole('button', { name: 'New list' }).click();
  await menu.getByRole('textbox', { name: 'List name' }).fill(name);
  await menu.getByRole('textbox', { name: 'List name' }).press('Enter');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'List' }).locator('option:checked')).toHaveText(
    name,
  );
}
