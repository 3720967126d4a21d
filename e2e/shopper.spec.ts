import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { openMenu } from './basket';

const aisles = (page: Page) =>
  page.getByRole('list', { name: '购物清单' }).getByRole('heading', { level: 3 });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`a new shopper whose phone speaks Chinese, in ${colorScheme} mode`, () => {
    test.use({
      locale: 'zh-CN',
      colorScheme,
      viewport: { width: 375, height: 720 },
      hasTouch: true,
    });

    test('gets Chinese, aisles in their own order, a total and two lists, with no accessibility faults', async ({
      page,
    }) => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      const product = page.getByRole('combobox', { name: '商品' });
      for (const name of ['牛奶', '面包', '香蕉']) {
        await product.fill(name);
        await product.press('Enter');
        await expect(page.getByRole('checkbox', { name, exact: true })).toBeVisible();
      }
      await expect(aisles(page)).toHaveText([/蔬菜水果/, /面包糕点/, /乳品蛋类/]);
      expect(await seriousViolations(page)).toEqual([]);

      // Walk the shop dairy first.
      await page.getByRole('button', { name: '把乳品蛋类上移' }).click();
      await page.getByRole('button', { name: '把乳品蛋类上移' }).click();
      await expect(aisles(page)).toHaveText([/乳品蛋类/, /蔬菜水果/, /面包糕点/]);

      await page.getByRole('button', { name: '编辑牛奶' }).click();
      await page.getByRole('spinbutton', { name: '价格' }).fill('12.5');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByText(/待买 ¥12\.50，合计 ¥12\.50/)).toBeVisible();

      await (await openMenu(page, '菜单')).getByRole('button', { name: '新建清单' }).click();
      await page.getByRole('textbox', { name: '清单名称' }).fill('周末');
      await page.getByRole('textbox', { name: '清单名称' }).press('Enter');
      await expect(page.getByRole('heading', { name: '周末', level: 2 })).toBeVisible();
      await page.getByRole('combobox', { name: '清单' }).selectOption({ label: '购物清单' });
      await expect(aisles(page)).toHaveText([/乳品蛋类/, /蔬菜水果/, /面包糕点/]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );

      await (
        await openMenu(page, '菜单')
      )
        .getByRole('button', { name: '历史', exact: true })
        .click();
      await expect(page.getByText('已调整货架顺序。').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      // Switching back to English is one choice away, and the choice is remembered.
      await (
        await openMenu(page, '菜单')
      )
        .getByRole('combobox', { name: /Language/ })
        .selectOption('en');
      await expect(page.getByRole('button', { name: 'History', exact: true })).toBeVisible();
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('combobox', { name: 'Product' })).toBeVisible();
    });
  });
}
