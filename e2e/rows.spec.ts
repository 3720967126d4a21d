import { expect, test, type Locator, type Page } from '@playwright/test';
import { basketPage } from './basket';

const visualViewport = (page: Page) =>
  page.evaluate(() => {
    const v = window.visualViewport!;
    return { top: v.offsetTop, bottom: v.offsetTop + v.height };
  });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the edit sheet is whole on screen, over the docked add bar, and its delete has an undo near the thumb', async ({
    page,
  }) => {
    await page.goto('/');
    const basket = basketPage(page);
    for (const name of ['Milk', 'Bread', 'Eggs', 'Apples', 'Rice', 'Tea']) await basket.add(name);
    const addBar = await box(page.getByRole('form', { name: 'Add a product' }));

    await page.getByRole('button', { name: 'Edit Milk' }).click();
    const sheet = page.getByRole('dialog', { name: 'Edit Milk' });
    await expect(sheet).toBeVisible();
    const viewport = await visualViewport(page);
    for (const name of ['Save', 'Cancel', 'Delete Milk', 'Increase quantity']) {
      const button = await box(sheet.getByRole('button', { name, exact: true }));
      expect(button.y).toBeGreaterThanOrEqual(viewport.top);
      expect(button.y + button.height).toBeLessThanOrEqual(viewport.bottom);
      expect(button.height).toBeGreaterThanOrEqual(44);
    }
    // The add bar hides while the sheet is open, so nothing of it is over the sheet.
    await expect(basket.product).toBeHidden();

    await sheet.getByRole('button', { name: 'Increase quantity' }).tap();
    await sheet.getByRole('button', { name: 'Save' }).tap();
    await expect(sheet).toBeHidden();
    await expect(basket.checkbox('Milk').locator('xpath=ancestor::li')).toContainText('× 2');
    await expect(basket.product).toBeVisible();

    await page.getByRole('button', { name: 'Edit Milk' }).tap();
    await sheet.getByRole('button', { name: 'Delete Milk' }).tap();
    await expect(basket.checkbox('Milk')).toHaveCount(0);
    const undo = page.getByRole('button', { name: 'Undo: Deleted Milk.' });
    await expect(undo).toBeVisible();
    // Just above the docked add bar: within the thumb's reach, never over the title.
    const snack = await box(undo);
    expect(snack.y + snack.height).toBeLessThanOrEqual(addBar.y + 1);
    expect(snack.y).toBeGreaterThan(844 / 2);
    await undo.tap();
    await expect(basket.checkbox('Milk')).toBeVisible();
  });

  test('a tap on a row checks it off; it stays in place, marked, then moves to Bought', async ({
    page,
  }) => {
    await page.goto('/');
    const basket = basketPage(page);
    for (const name of ['Milk', 'Bread']) await basket.add(name);
    const names = page.getByRole('list', { name: 'Shopping list' }).locator('label');
    await expect(names).toHaveText(['Bread', 'Milk']);

    // Tapped beside its name, on the row itself.
    const row = basket.checkbox('Bread').locator('xpath=..');
    const b = await box(row);
    await page.touchscreen.tap(b.x + b.width - 80, b.y + b.height / 2);
    await expect(basket.checkbox('Bread')).toBeChecked();
    await expect(names).toHaveText(['Bread', 'Milk']);
    await expect(names).toHaveText(['Milk', 'Bread']);
    await expect(page.getByRole('heading', { name: /Bought/ })).toBeVisible();
  });
});

test('Escape closes the sheet and gives focus back to its Edit button', async ({ page }) => {
  await page.goto('/');
  const basket = basketPage(page);
  await basket.add('Tea');
  await page.getByRole('button', { name: 'Edit Tea' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit Tea' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit Tea' })).toBeFocused();
});
