import { expect, test } from '@playwright/test';
import { basketPage, newList, twoTabs } from './basket';

test('two lists keep their own products across a reload, and a new list shows in another tab', async ({
  context,
}) => {
  const { first, second, a } = await twoTabs(context);
  await a.add('Milk');
  await newList(first, 'Hardware');
  const picker = first.getByRole('combobox', { name: 'List' });
  await expect(picker).toHaveValue(/^list:/);
  await expect(picker.locator('option:checked')).toHaveText('Hardware');
  await a.add('Nails');

  const other = second.getByRole('combobox', { name: 'List' });
  await expect(other.getByRole('option', { name: 'Hardware' })).toHaveCount(1, { timeout: 1000 });

  await first.reload();
  await expect(first.getByRole('combobox', { name: 'List' }).locator('option:checked')).toHaveText(
    'Hardware',
  );
  await basketPage(first).expectProducts(['Nails']);
  await first.getByRole('combobox', { name: 'List' }).selectOption({ label: 'Shopping list' });
  await basketPage(first).expectProducts(['Milk']);
});
