import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { basketPage, openMenu } from './basket';

/** Issue 14: the list in front. What the first screen shows, on a phone and on a desktop. */

const TWELVE = [
  'Milk',
  'Bread',
  'Eggs',
  'Apples',
  'Bananas',
  'Tomatoes',
  'Cheese',
  'Butter',
  'Rice',
  'Pasta',
  'Coffee',
  'Tea',
];

/** Product rows wholly on screen: below the header, above the add bar, inside the viewport. */
async function rowsOnScreen(page: Page) {
  const viewport = page.viewportSize()!;
  const header = (await page.getByRole('banner').boundingBox())!;
  const addBar = await page
    .getByRole('combobox', { name: 'Product' })
    .locator('xpath=ancestor::form')
    .boundingBox();
  const top = Math.max(0, header.y + header.height);
  const bottom = Math.min(viewport.height, addBar && addBar.y > top ? addBar.y : viewport.height);
  let shown = 0;
  for (const row of await basketPage(page).list.getByRole('listitem').all()) {
    const box = await row.boundingBox();
    if (box && box.y >= top - 1 && box.y + box.height <= bottom + 1) shown += 1;
  }
  return shown;
}

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('with 12 products, at least 8 rows show on the first screen, under the list’s name', async ({
    page,
  }) => {
    await page.goto('/');
    const basket = basketPage(page);
    for (const name of TWELVE) await basket.add(name);
    await basket.expectProducts(TWELVE);
    await page.evaluate(() => window.scrollTo(0, 0));

    // The title is the open list's name, and it switches lists.
    const title = page.getByRole('combobox', { name: 'List' });
    await expect(title.locator('option:checked')).toHaveText('Shopping list');
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
    expect(await rowsOnScreen(page)).toBeGreaterThanOrEqual(8);
  });

  test('the menu is one tap away, covers the screen, and gives focus back when it closes', async ({
    page,
  }) => {
    await page.goto('/');
    const menuButton = page.getByRole('button', { name: 'Menu' });
    const menu = await openMenu(page);
    const box = (await menu.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(389);
    await expect(menu.getByRole('combobox', { name: 'Currency' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();
    // No warning and no sidebar on a first visit to a phone.
    await expect(page.getByRole('complementary', { name: 'Storage' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Lists' })).toHaveCount(0);
  });
});

test.describe('on a 1280×800 desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the lists are in a sidebar beside the list, the open one marked', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Lists' });
    await expect(nav.getByRole('button', { name: 'Shopping list' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await basketPage(page).add('Milk');

    await nav.getByRole('button', { name: 'New list' }).click();
    const menu = page.getByRole('dialog', { name: 'Menu' });
    await expect(menu.getByRole('textbox', { name: 'List name' })).toBeFocused();
    await page.keyboard.type('Hardware');
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(nav.getByRole('button', { name: 'Hardware' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByRole('combobox', { name: 'List' }).locator('option:checked')).toHaveText(
      'Hardware',
    );

    await nav.getByRole('button', { name: 'Shopping list' }).click();
    await basketPage(page).expectProducts(['Milk']);

    // Beside the sidebar, and wider than the old 616 px column.
    const side = (await nav.boundingBox())!;
    const list = (await page.getByRole('main').boundingBox())!;
    expect(list.x).toBeGreaterThanOrEqual(side.x + side.width);
    expect(list.width).toBeGreaterThan(616);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
