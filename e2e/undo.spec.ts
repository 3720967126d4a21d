import { expect, test } from '@playwright/test';
import { basketPage, twoTabs } from './basket';

test('undo walks everything back after a reload, and redo forward again', async ({ page }) => {
  await page.goto('/');
  const basket = basketPage(page);
  await basket.add('Milk');
  await basket.add('Tea');
  await page.getByRole('button', { name: 'Edit Tea' }).click();
  const sheet = page.getByRole('dialog', { name: 'Edit Tea' });
  await sheet.getByRole('textbox', { name: 'Name' }).fill('Green tea');
  await sheet.getByRole('button', { name: 'Save' }).click();
  await basket.checkbox('Milk').click();
  await expect(basket.checkbox('Milk')).toBeChecked();
  await page.getByRole('button', { name: 'Clear bought' }).click();
  await basket.expectProducts(['Green tea']);

  await page.reload();
  // The header's Undo: the snackbar's is named by what it undoes ("Undo: Deleted Milk.").
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await undo.click();
  await basket.expectProducts(['Green tea', 'Milk']);
  await expect(basket.checkbox('Milk')).toBeChecked();
  await undo.click();
  await expect(basket.checkbox('Milk')).not.toBeChecked();
  await undo.click();
  await basket.expectProducts(['Tea', 'Milk']);
  // The keyboard does the same, when focus is not in a text field.
  await page.getByRole('button', { name: 'Menu' }).focus();
  await page.keyboard.press('Control+z');
  await basket.expectProducts(['Milk']);
  await page.keyboard.press('Control+z');
  await basket.expectProducts([]);
  await expect(undo).toBeDisabled();

  await page.reload();
  const redo = page.getByRole('button', { name: 'Redo' });
  for (let i = 0; i < 5; i += 1) await redo.click();
  await basket.expectProducts(['Green tea']);
  await expect(redo).toBeDisabled();
});

test('an undo in one tab shows in the other', async ({ context }) => {
  const { first, second, a, b } = await twoTabs(context);
  await a.add('Cheese');
  await expect(b.checkbox('Cheese')).toBeVisible({ timeout: 1000 });

  await second.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(a.checkbox('Cheese')).toHaveCount(0, { timeout: 1000 });
  await expect(first.getByRole('button', { name: 'Redo' })).toBeEnabled();
});
