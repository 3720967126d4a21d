import { expect, test } from '@playwright/test';
import { basketPage } from './basket';

test('markup in a name is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/');
  const basket = basketPage(page);
  const hostile = '<img src=x onerror="alert(document.domain)"><script>alert(1)</script>';
  await basket.add(hostile);
  await page.reload();

  await expect(basket.checkbox(hostile)).toBeVisible();
  await expect(basket.list.locator('img, script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('bidi override characters are removed from names', async ({ page }) => {
  await page.goto('/');
  const basket = basketPage(page);
  await basket.add('\u202Etxt.exe\u202C Apples');
  await expect(basket.checkbox('txt.exe Apples')).toBeVisible();
});

test('bad input is refused where the person is looking, and nothing is stored', async ({
  page,
}) => {
  await page.goto('/');
  const basket = basketPage(page);

  await basket.product.fill('x'.repeat(201));
  await basket.product.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Keep the name to 200 characters or fewer.');
  await expect(basket.product).toHaveAttribute('aria-invalid', 'true');

  await basket.product.fill('Milk');
  for (const [quantity, message] of [
    ['0', 'Quantity must be more than 0.'],
    ['-1', 'Quantity must be more than 0.'],
    ['1e308', 'Quantity must be 9,999 or less.'],
    ['', 'Enter the quantity as a number.'],
  ]) {
    await basket.quantity.fill(quantity!);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(message!);
  }

  await page.reload();
  await expect(page.getByText('Your list is empty.', { exact: false })).toBeVisible();
  await expect(basket.list.getByRole('listitem')).toHaveCount(0);
});
