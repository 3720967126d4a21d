import { expect, test, type Page } from '@playwright/test';
import type { BasketEvent } from '../src/events';
import { fold, type Product } from '../src/model';

/** Reads Basket's IndexedDB as it is on disk, bypassing the app. */
function readDatabase(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{
        events: (BasketEvent & { seq: number })[];
        saved: { upTo: number; lastSeq: number; products: Product[] } | null;
      }>((resolve, reject) => {
        const open = indexedDB.open('basket');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['events', 'meta'], 'readonly');
          const events = tx.objectStore('events').getAll();
          const meta = tx.objectStore('meta').getAll();
          tx.oncomplete = () => {
            type Row = { key: string; lastSeq?: number; rest?: { lastSeq: number } };
            const rows = meta.result as (Row & { rows?: Product[] })[];
            const head = rows.find((r) => r.key === 'snapshot');
            const model = rows.find((r) => r.key === 'model');
            const parts = rows.filter((r) => r.key.startsWith('products/'));
            resolve({
              events: events.result,
              saved:
                head && model
                  ? {
                      upTo: head.lastSeq!,
                      lastSeq: model.rest!.lastSeq,
                      products: parts.flatMap((r) => r.rows!),
                    }
                  : null,
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
  const { events, saved } = await readDatabase(again);

  test.info().annotations.push({
    type: 'burst',
    description: `${shown} shown as saved when the tab closed, ${events.length} stored`,
  });
  // Every add the page had shown as saved is stored, with no gaps before it (I1, I2).
  expect(events.length).toBeGreaterThanOrEqual(shown);
  const names = events.map((e) => (e.type === 'ProductAdded' ? e.payload.name : null));
  expect(names).toEqual(Array.from({ length: events.length }, (_, i) => `Item ${i}`));
  expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
  // The saved read model is exactly a fold of the log up to where it says it got (I3); boot
  // folds the rest on top, so the page shows every stored add.
  expect(saved).not.toBeNull();
  const byId = (a: Product, b: Product) => (a.productId < b.productId ? -1 : 1);
  const prefix = events.filter((e) => e.seq <= saved!.upTo);
  expect(saved!.lastSeq).toBe(saved!.upTo);
  expect([...saved!.products].sort(byId)).toEqual([...fold(prefix).values()].sort(byId));
  await expect(again.locator('.summary')).toHaveText(new RegExp(`\\bof ${fold(events).size}\\b`));
});
