import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { basketPage } from './basket';

/** The aisle headings of the list, top to bottom. */
const aisles = (page: Page) =>
  page
    .getByRole('list', { name: 'Shopping list' })
    .getByRole('heading', { level: 3 })
    .evaluateAll((hs) => hs.map((h) => h.firstChild?.textContent ?? ''));

/** The products on the list, top to bottom, by their checkboxes' names. */
const products = (page: Page) =>
  page
    .getByRole('list', { name: 'Shopping list' })
    .getByRole('checkbox')
    .evaluateAll((boxes) =>
      boxes.map(
        (b) =>
          b.getAttribute('aria-label') ??
          (b as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
          '',
      ),
    );

test('the keyboard moves an aisle to the top of the walk in one drag, and Undo puts it back', async ({
  page,
}) => {
  await page.goto('/');
  const basket = basketPage(page);
  // Two products under Dairy & eggs: an arrow key steps from aisle to aisle, never into their rows.
  for (const name of ['Milk', 'Butter', 'Bread', 'Apples', 'Frozen peas']) await basket.add(name);
  await expect
    .poll(() => aisles(page))
    .toEqual(['Fruit & vegetables', 'Bakery', 'Dairy & eggs', 'Frozen']);

  await page.getByRole('button', { name: 'Reorder' }).click();
  const sheet = page.getByRole('dialog', { name: 'Put the list in your order' });
  await expect(sheet).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const handle = sheet.getByRole('button', { name: 'Drag Frozen', exact: true });
  await handle.focus();
  // Each step as a person takes it: a key, then the announcement of where it is now.
  const told = page.locator('[id^="DndLiveRegion"]');
  await page.keyboard.press('Space');
  await expect(told).toHaveText('Picked up Frozen.');
  for (const over of ['Dairy & eggs', 'Bakery', 'Fruit & vegetables']) {
    await page.keyboard.press('ArrowUp');
    await expect(told).toHaveText(`Frozen is over ${over}.`);
  }
  await page.keyboard.press('Space');
  await expect(told).toHaveText('Dropped Frozen.');
  await expect(
    page.getByRole('status').filter({ hasText: 'Changed the order of the aisles.' }).first(),
  ).toBeAttached();
  await sheet.getByRole('button', { name: 'Done' }).click();
  await expect
    .poll(() => aisles(page))
    .toEqual(['Frozen', 'Fruit & vegetables', 'Bakery', 'Dairy & eggs']);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect
    .poll(() => aisles(page))
    .toEqual(['Fruit & vegetables', 'Bakery', 'Dairy & eggs', 'Frozen']);

  // A product steps among its own aisle's products only: past Butter, and no further up.
  await expect
    .poll(() => products(page))
    .toEqual(['Apples', 'Bread', 'Butter', 'Milk', 'Frozen peas']);
  await page.getByRole('button', { name: 'Reorder' }).click();
  await sheet.getByRole('button', { name: 'Drag Milk', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(told).toHaveText('Picked up Milk.');
  await page.keyboard.press('ArrowUp');
  await expect(told).toHaveText('Milk is over Butter.');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(told).toHaveText('Dropped Milk.');
  await sheet.getByRole('button', { name: 'Done' }).click();
  await expect
    .poll(() => products(page))
    .toEqual(['Apples', 'Bread', 'Milk', 'Butter', 'Frozen peas']);
});

test('a finger or mouse drags a product within its aisle, and the order stays after a reload', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const basket = basketPage(page);
  for (const name of ['Milk', 'Butter', 'Cheese']) await basket.add(name);
  await expect.poll(() => products(page)).toEqual(['Cheese', 'Butter', 'Milk']);

  await page.getByRole('button', { name: 'Reorder' }).click();
  const sheet = page.getByRole('dialog', { name: 'Put the list in your order' });
  const from = (await sheet.getByRole('button', { name: 'Drag Milk' }).boundingBox())!;
  const to = (await sheet.getByRole('button', { name: 'Drag Cheese' }).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // In steps, as a hand moves: the drag starts after a few pixels and follows the pointer.
  await page.mouse.move(from.x + from.width / 2, to.y + 2, { steps: 12 });
  await page.mouse.up();
  await sheet.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => products(page)).toEqual(['Milk', 'Cheese', 'Butter']);

  await page.reload();
  await expect.poll(() => products(page)).toEqual(['Milk', 'Cheese', 'Butter']);
});
