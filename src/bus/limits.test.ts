import { describe, expect, it } from 'vitest';
import { listProjection } from '../model';
import { DEFAULT_STREAM, LOG_LIMITS, type BasketEvent } from '../events';
import { inEnglish } from '../i18n/english';
import { createMemoryStore } from '../store/memory-store';
import { backupOf, parseBackup } from '../store/backup-file';
import { valid } from '../test/steps';
import { createBasket } from './basket';

const adding = (name: string) =>
  ({ type: 'AddProduct', streamId: DEFAULT_STREAM, ...valid(name, 1) }) as const;

/** `count` products added, one event each, to list `streamId`. */
const history = (count: number, streamId = DEFAULT_STREAM, prefix = 'e'): BasketEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    type: 'ProductAdded',
    v: 2,
    at: Date.UTC(2026, 0, 1) + i,
    streamId,
    streamVersion: i + 1,
    payload: { productId: `${prefix}-p${i}`, name: `Thing ${i}`, quantity: 1, unit: null },
  }));

describe('the history’s limits are one set, kept by the writer and the importer alike', () => {
  it('warns once as the history passes 80% of what a backup holds', async () => {
    const store = createMemoryStore(listProjection);
    await store.importEvents(history(LOG_LIMITS.events * 0.8 - 1));
    const basket = await createBasket({ store });

    await basket.dispatch(adding('Milk'));
    expect(inEnglish(basket.getState().notice!.text)).toBe(
      'Your history holds 200,000 changes, 80% of the most one backup can hold (250,000). Export a backup now and then.',
    );
    await basket.dispatch(adding('Bread'));
    expect(inEnglish(basket.getState().notice!.text)).toBe('Added Bread.');
    basket.dispose();
  }, 180_000);

  it('at the limit, refuses a change and a merge, writes nothing, and exports a file it imports', async () => {
    const store = createMemoryStore(listProjection);
    await store.importEvents(history(LOG_LIMITS.events));
    const basket = await createBasket({ store });

    const refused = await basket.dispatch(adding('Milk'));
    expect(!refused.ok && inEnglish(refused.message)).toMatch(
      /^Basket’s history is full \(250,000/,
    );
    const more = new Blob([
      JSON.stringify(
        backupOf(
          history(1, 'list:other', 'x').map((e) => ({ ...e, seq: 1 })),
          1,
        ),
      ),
    ]);
    const merged = await basket.importBackup(more);
    expect(!merged.ok && inEnglish(merged.message)).toMatch(/^Together with what is here/);
    expect((await basket.readLog()).length).toBe(LOG_LIMITS.events);

    const { file } = await basket.exportBackup();
    const parsed = await parseBackup(JSON.stringify(file));
    expect(parsed.ok && parsed.events.length).toBe(LOG_LIMITS.events);
    basket.dispose();
  }, 180_000);
});
