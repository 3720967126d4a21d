import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { basketPage, openMenu } from './basket';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('the list, its editing, history, look back and backup have no serious accessibility faults', async ({
      page,
    }) => {
      await page.goto('/');
      // The page really is in this scheme (Firefox shows it by a launch preference, not by
      // emulation: see e2e/firefox-bidi.cjs), so axe checks the colours a person would see.
      const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      expect(dark).toBe(colorScheme === 'dark');
      expect(await seriousViolations(page)).toEqual([]);

      const basket = basketPage(page);
      await basket.add('Milk', 2);
      await basket.add('Bread');
      await basket.checkbox('Bread').click();
      await expect(basket.checkbox('Bread')).toBeChecked();
      await basket.product.fill('x'.repeat(201));
      await basket.product.press('Enter');
      await expect(page.getByRole('alert')).toBeVisible();
      await basket.product.fill('Mi');
      await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await basket.product.fill('');
      await page.getByRole('button', { name: 'Edit Milk' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      const menu = await openMenu(page);
      await expect(menu.getByRole('region', { name: 'Backup' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await menu.getByRole('button', { name: 'History', exact: true }).click();
      await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: /after: Added Milk/ }).click();
      await expect(page.getByRole('region', { name: /The list as it was/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 720 }, hasTouch: true });

  test('nothing scrolls sideways, the add field is within thumb reach, and taps are big enough', async ({
    page,
  }) => {
    await page.goto('/');
    const basket = basketPage(page);
    for (const name of ['Milk', 'Sourdough bread with a rather long name', 'Eggs']) {
      await basket.add(name);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );

    const field = await basket.product.boundingBox();
    expect(field!.y).toBeGreaterThan(720 / 2);

    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, input[type=checkbox] + label, .file-button')]
        .map((el) => ({ text: el.textContent?.trim() ?? '', box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height < 44)
        .map(({ text, box }) => `${text} (${Math.round(box.height)} px)`),
    );
    expect(small).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
