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
