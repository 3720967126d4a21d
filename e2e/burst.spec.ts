import { expect, test, type Page } from '@playwright/test';
import type { BasketEvent } from '../src/events';
import { fold, type Product } from '../src/model';

/** Reads Basket's IndexedDB as it is on disk, bypassing the app. */
function readDatabase(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{
        events: (BasketEvent & { seq: number })[];
        products: Product[];
        lastAppliedSeq: number;
      }>((resolve, reject) => {
        const open = indexedDB.open('basket');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['events', 'products', 'meta'], 'readonly');
          const events = tx.objectStore('events').getAll();
          const products = tx.objectStore('products').getAll();
          const meta = tx.objectStore('meta').get('projection');
          tx.oncomplete = () => {
            resolve({
              events: events.result,
              products: products.result,
              lastAppliedSeq: meta.result?.lastAppliedSeq ?? 0,
            });
            open.result.close();
          };
        };
      }),
  );
}

test('closing the tab in a burst of 200 adds loses nothing that was shown as saved', async ({
  context,
}) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Product' })).toBeVisible();
  // Faster than any person: 200 submits in one go, so most are still queued when the tab
  // closes. Typing through Playwright is slow enough that every add commits before the next.
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('form.add-product input[type=text]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    for (let i = 0; i < 200; i += 1) {
      setValue.call(input, `Item ${i}`);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.form!.requestSubmit();
    }
  });
  const savedSoFar = async () =>
    Number(/(\d+) of/.exec((await page.locator('.summary').textContent()) ?? '')?.[1] ?? 0);
  await expect.poll(savedSoFar, { intervals: [5] }).toBeGreaterThanOrEqual(50);
  const shown = await savedSoFar();
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByRole('list', { name: 'Shopping list' })).toBeVisible();
  const { events, products, lastAppliedSeq } = await readDatabase(again);

  test.info().annotations.push({
    type: 'burst',
    description: `${shown} shown as saved when the tab closed, ${products.length} stored`,
  });
  // Every add the page had shown as saved is stored, with no gaps before it (I1, I2).
  expect(products.length).toBeGreaterThanOrEqual(shown);
  const names = events.map((e) => (e.type === 'ProductAdded' ? e.payload.name : null));
  expect(names).toEqual(Array.from({ length: events.length }, (_, i) => `Item ${i}`));
  // The read model is exactly a fold of the log, and knows how far it got (I3).
  const byId = (a: Product, b: Product) => (a.productId < b.productId ? -1 : 1);
  expect([...products].sort(byId)).toEqual([...fold(events).values()].sort(byId));
  expect(lastAppliedSeq).toBe(events.at(-1)?.seq ?? 0);
  expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
});
