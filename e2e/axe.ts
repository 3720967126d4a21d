import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** axe-core's serious and critical findings: what stops someone from using the page. */
export async function seriousViolations(page: Page) {
  if (page.context().browser()?.browserType().name() === 'firefox') {
    // Firefox's content process crashes when axe reads `ariaLabelledByElements` on an element
    // that Playwright's role selectors have already read in their sandbox
    // (e2e/browser-bugs/firefox-aria-elements-xray.md). Hidden from the page, axe falls back to
    // the `aria-labelledby` attribute, which names the same elements.
    await page.evaluate(() =>
      Object.defineProperty(Element.prototype, 'ariaLabelledByElements', {
        configurable: true,
        get: () => null,
      }),
    );
  }
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
