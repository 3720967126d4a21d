import { expect, test } from '@playwright/test';
import { twoTabs } from './basket';

test('two tabs stay in step within a second, each change applied once', async ({ context }) => {
  const { a, b } = await twoTabs(context);

  await a.add('Coffee');
  await expect(b.checkbox('Coffee')).toBeVisible({ timeout: 1000 });

  await b.checkbox('Coffee').click();
  await expect(a.checkbox('Coffee')).toBeChecked({ timeout: 1000 });

  await b.add('coffee', 3);
  await expect(a.checkbox('Coffee').locator('xpath=ancestor::li')).toContainText('× 3', {
    timeout: 1000,
  });
  await expect(a.list.getByRole('listitem')).toHaveCount(1);
  await expect(b.list.getByRole('listitem')).toHaveCount(1);
});
