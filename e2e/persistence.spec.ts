import { expect, test } from '@playwright/test';
import { basketPage } from './basket';

test('everything survives a reload and a new tab', async ({ page, context }) => {
  await page.goto('/');
  const basket = basketPage(page);
  await basket.add('Milk', 2);
  await basket.add('Bread');
  await basket.add('Eggs', 12);
  await basket.checkbox('Bread').click();
  await expect(basket.checkbox('Bread')).toBeChecked();
  await expect(page.getByText('2 of 3 left to buy')).toBeVisible();
  await page.getByRole('button', { name: 'Edit Eggs' }).click();
  const sheet = page.getByRole('dialog', { name: 'Edit Eggs' });
  await sheet.getByRole('textbox', { name: 'Name' }).fill('Free-range eggs');
  await sheet.getByRole('button', { name: 'Save' }).click();
  await expect(basket.checkbox('Free-range eggs')).toBeVisible();

  await page.reload();
  await basket.expectProducts(['Milk', 'Bread', 'Free-range eggs']);
  await expect(basket.checkbox('Bread')).toBeChecked();
  await expect(basket.checkbox('Milk').locator('xpath=ancestor::li')).toContainText('× 2');

  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await basketPage(again).expectProducts(['Milk', 'Bread', 'Free-range eggs']);
  await expect(basketPage(again).checkbox('Bread')).toBeChecked();
});
