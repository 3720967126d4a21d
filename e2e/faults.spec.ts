import { expect, test } from '@playwright/test';
import { basketPage } from './basket';

test('without IndexedDB Basket still works, in memory, and says nothing is saved', async ({
  page,
}) => {
  // As in some private windows: the browser refuses to open any database.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException(
        'The user denied permission to access the database.',
        'InvalidStateError',
      );
    };
  });
  await page.goto('/');
  const storage = page.getByRole('complementary', { name: 'Storage' });
  await expect(storage).toContainText('Not saved on this device.');
  const basket = basketPage(page);
  await basket.add('Milk');
  await basket.expectProducts(['Milk']);
  await expect(storage).toBeVisible();
});

test('a read model built by another reducer version is rebuilt from the log on boot', async ({
  page,
}) => {
  await page.goto('/');
  const basket = basketPage(page);
  await basket.add('Milk', 2);
  await basket.add('Bread');
  await basket.checkbox('Bread').click();
  await expect(basket.checkbox('Bread')).toBeChecked();

  // As if a new build changed the reducer: the stored read model is stale and must not be used.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('basket');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['events', 'meta'], 'readwrite');
          const empty = () => new Map();
          tx.objectStore('events').count().onsuccess = (counted) => {
            const lastSeq = (counted.target as IDBRequest<number>).result;
            // An empty list, saved as of the whole log: used as it is, it would show nothing.
            const rest = { versions: empty(), stacks: empty(), lists: empty(), lastSeq };
            const head = { reducerVersion: 0, lastSeq, productParts: 0, purchaseParts: 0 };
            tx.objectStore('meta').put({ key: 'snapshot', ...head });
            tx.objectStore('meta').put({ key: 'model', rest: { ...rest, categories: empty() } });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
  await basket.expectProducts(['Milk', 'Bread']);
  await expect(basket.checkbox('Bread')).toBeChecked();
  await expect(basket.checkbox('Milk').locator('xpath=ancestor::li')).toContainText('× 2');
});
