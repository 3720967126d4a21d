import { readdirSync, readFileSync } from 'node:fs';
import { listProjection } from '../model';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import golden from '../events/fixtures/golden-v1.json';
import {
  backupFileName,
  backupOf,
  MAX_BACKUP_EVENTS,
  MAX_FILE_CHARS,
  parseBackup,
} from './backup-file';
import { createMemoryStore } from './memory-store';
import { inEnglish } from '../i18n/english';

const hostileDir = join(__dirname, 'fixtures', 'hostile');

/** Every file in fixtures/hostile and the one thing a person must be told about it. */
const refusals: Record<string, string> = {
  'not-json.json': 'This file is not a Basket backup: it is not valid JSON.',
  'empty.json': 'This file is empty.',
  'only-whitespace.json': 'This file is empty.',
  'a-bare-array.json': 'This file is not a Basket backup.',
  'another-apps-export.json': 'This file is not a Basket backup.',
  'future-format-version.json':
    'This backup was made by a newer Basket (format version 2). Update Basket to import it.',
  'missing-events.json': 'This backup is damaged: events is not what Basket wrote',
  'events-not-a-list.json': 'This backup is damaged: events is not what Basket wrote',
  'extra-top-level-key.json': 'This backup is damaged: note is not what Basket wrote',
  'unknown-event-type.json':
    'This backup has changes made by a newer Basket (an event type this Basket does not know (ListTeleported)). Update Basket to import it.',
  'future-event-version.json':
    'This backup has changes made by a newer Basket (ProductAdded version 9, newer than this Basket reads (2)). Update Basket to import it.',
  'proto-at-top.json': 'This file contains the forbidden key “__proto__”, so it was not imported.',
  'proto-in-payload.json':
    'This file contains the forbidden key “__proto__”, so it was not imported.',
  'constructor-prototype.json':
    'This file contains the forbidden key “prototype”, so it was not imported.',
  'escaped-proto-key.json':
    'This file contains the forbidden key “__proto__”, so it was not imported.',
  'blank-name.json': 'Change 1 in this backup is not valid: payload.name: a name must be 1–200',
  'name-too-long.json': 'Change 1 in this backup is not valid: payload.name: a name must be 1–200',
  'name-with-bidi-override.json': 'Change 1 in this backup is not valid: payload.name: a name must',
  'name-not-text.json': 'Change 1 in this backup is not valid: payload.name: a name must be text.',
  'negative-quantity.json':
    'Change 1 in this backup is not valid: payload.quantity: a quantity must be above 0 and at most 9999, with at most 2 decimals',
  'quantity-as-text.json':
    'Change 1 in this backup is not valid: payload.quantity: a quantity must be above 0 and at most 9999, with at most 2 decimals',
  'absurd-quantity.json':
    'Change 1 in this backup is not valid: payload.quantity: a quantity must be above 0 and at most 9999, with at most 2 decimals',
  'extra-payload-field.json': 'Change 1 in this backup is not valid: payload.price:',
  'markup-in-id.json': 'Change 1 in this backup is not valid: id: an id must be 1–100 letters',
  'time-as-text.json': 'Change 1 in this backup is not valid: at: a time must be a number.',
  'duplicate-event-ids.json': 'Change 2 in this backup appears twice',
  'bad-list-id.json': 'Change 1 in this backup is not valid: streamId: a list id must look like',
};

describe('hostile backup files', () => {
  const files = readdirSync(hostileDir).sort();

  it('has a refusal written down for every file in the corpus, and at least 15 files', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files).toEqual(Object.keys(refusals).sort());
  });

  it.each(files)('refuses %s, saying why, and pollutes no prototype', async (file) => {
    const text = readFileSync(join(hostileDir, file), 'utf8');
    const result = await parseBackup(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && inEnglish(result.message)).toContain(refusals[file]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a file beyond the size limit before parsing it', async () => {
    const huge = ' '.repeat(MAX_FILE_CHARS + 1);
    const result = await parseBackup(huge);
    expect(!result.ok && inEnglish(result.message)).toBe(
      'This file is larger than 101 MB, the most Basket imports.',
    );
  });

  it('refuses more events than the limit', async () => {
    const text = `{"format":"basket-backup","version":1,"exportedAt":1,"events":[${'0,'.repeat(MAX_BACKUP_EVENTS)}0]}`;
    const result = await parseBackup(text);
    expect(!result.ok && inEnglish(result.message)).toBe(
      'This backup has more than 250,000 changes, the most Basket imports.',
    );
  });
});

describe('a backup Basket wrote', () => {
  it('is every event envelope, oldest first, without device-local positions', async () => {
    const store = createMemoryStore(listProjection);
    const parsed = await parseBackup(
      JSON.stringify({ format: 'basket-backup', version: 1, exportedAt: 1, events: golden }),
    );
    if (!parsed.ok) throw new Error(inEnglish(parsed.message));
    await store.importEvents(parsed.events);
    const file = backupOf(await store.readAfter(0), 1795400000000);
    expect(file).toMatchObject({ format: 'basket-backup', version: 1, exportedAt: 1795400000000 });
    expect(file.events.map((e) => e.id)).toEqual(golden.map((e) => e.id));
    expect(file.events.every((e) => !('seq' in e))).toBe(true);
    expect(await parseBackup(JSON.stringify(file))).toEqual({
      ok: true,
      events: file.events,
      unreadable: [],
    });
  });

  it('is named for the local day it was made', () => {
    expect(backupFileName(new Date(2026, 10, 2, 23, 59))).toBe('basket-2026-11-02.json');
  });
});
