import { expect, test, type Page } from '@playwright/test';
import { basketPage, closeMenu, openMenu } from './basket';

// A real German word, 63 letters and no place a browser would break it on its own.
const word = 'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz';
const phone = { width: 375, height: 720 };

/** The page is exactly as wide as the phone: nothing to scroll sideways to. */
async function expectNothingSideways(page: Page, when: string) {
  const widths = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    innerWidth: window.innerWidth,
  }));
  expect(widths.scrollWidth, `sideways scroll ${when}`).toBeLessThanOrEqual(widths.clientWidth);
  expect(widths.innerWidth, `the page grew wider than the phone ${when}`).toBeLessThanOrEqual(
    phone.width,
  );
}

/** Whatever the names, the Product field and Add are on screen, under the thumb. */
async function expectAddWithinReach(page: Page, when: string) {
  const basket = basketPage(page);
  for (const [what, control] of [
    ['the Product field', basket.product],
    ['Add', page.getByRole('button', { name: 'Add', exact: true })],
  ] as const) {
    const box = await control.boundingBox();
    expect(box, `${what} is shown ${when}`).not.toBeNull();
    expect(box!.x, `${what} starts on screen ${when}`).toBeGreaterThanOrEqual(0);
    expect(box!.y, `${what} starts on screen ${when}`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${what} ends on screen ${when}`).toBeLessThanOrEqual(phone.width);
    expect(box!.y + box!.height, `${what} ends on screen ${when}`).toBeLessThanOrEqual(
      phone.height,
    );
  }
}

async function expectFits(page: Page, when: string) {
  await expectNothingSideways(page, when);
  await expectAddWithinReach(page, when);
}

test.describe('on a 375 px phone', () => {
  test.use({ viewport: phone, isMobile: true, hasTouch: true });

  test('a 63-letter word as a product and a list name never widens the page, even after a reload', async ({
    page,
  }) => {
    await page.goto('/');
    const basket = basketPage(page);

    // A shopper adds the word as a product: the row and the "Added …" notice both hold it.
    await basket.add(word);
    await expect(basket.checkbox(word)).toBeVisible();
    await expectFits(page, 'after adding the word');

    // Starting to type it again offers it as a suggestion.
    await basket.product.fill('Rind');
    await expect(page.getByRole('listbox', { name: 'Suggestions' })).toContainText(word);
    await expectFits(page, 'with the word suggested');
    await basket.product.fill('');

    // They buy it, so it moves under "Bought".
    await basket.checkbox(word).click();
    await expect(basket.checkbox(word)).toBeChecked();
    await expectFits(page, 'with the word bought');
    // Bought on this list, Buy again offers it here (and only here: a new list has no history).
    await expect(page.getByRole('button', { name: `Buy ${word} again` })).toBeVisible();
    await expectFits(page, 'with Buy again');

    // They make a new list with the word as its name.
    const menu = await openMenu(page);
    await menu.getByRole('button', { name: 'New list' }).click();
    await expectFits(page, 'while naming a list');
    await menu.getByRole('textbox', { name: 'List name' }).fill(word);
    await menu.getByRole('textbox', { name: 'List name' }).press('Enter');
    await expect(menu).toBeHidden();
    await expect(page.getByRole('heading', { name: word, level: 2 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'List' })).toContainText(word);
    await expect(page.getByRole('button', { name: `Buy ${word} again` })).toHaveCount(0);
    await expectFits(page, 'on a list named by the word');

    // Asking to delete that list names it on a button and in the warning.
    await (await openMenu(page)).getByRole('button', { name: 'Delete list' }).click();
    await expect(menu.getByRole('button', { name: `Delete ${word}` })).toBeVisible();
    await expectFits(page, 'while asked whether to delete the list');
    await menu.getByRole('button', { name: 'Keep it' }).click();
    await closeMenu(page);

    await basket.add(word);
    await expect(basket.checkbox(word)).toBeVisible();
    await expectFits(page, 'with the word on the list named by it');

    // The history tells it all in sentences that hold the word.
    await (await openMenu(page)).getByRole('button', { name: 'History', exact: true }).click();
    const history = page.getByRole('region', { name: 'History' });
    await expect(history).toContainText(word);
    await expectNothingSideways(page, 'in the history');
    await page
      .getByRole('button', { name: /^Look back/ })
      .first()
      .click();
    await expect(page.getByRole('region', { name: /The list as it was/ })).toBeVisible();
    await expectNothingSideways(page, 'looking back');
    await page.getByRole('button', { name: 'Back to now' }).click();
    await history.getByRole('button', { name: 'Back to the list' }).click();
    await expectFits(page, 'back on the list');

    // And it all stays so across a reload.
    await page.reload();
    await expect(basket.checkbox(word)).toBeVisible();
    await expect(page.getByRole('heading', { name: word, level: 2 })).toBeVisible();
    await expectFits(page, 'after a reload');
  });
});
