import { screen, within } from '@testing-library/react';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { faultOn } from '../store/faults';
import { freshIndexedDB, renderApp } from '../test/harness';

/** Makes every write to the log fail as a full disk does. */
const { middleware: storageFull } = faultOn(
  'events',
  () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
  () => true,
);

describe('Basket when storage lets it down', () => {
  it('works in memory and says, for as long as it lasts, that nothing is saved', async () => {
    const { user } = await renderApp({ memory: true });
    expect(screen.getByRole('complementary', { name: 'Storage' })).toHaveTextContent(
      'Not saved on this device.',
    );
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Milk{Enter}');
    expect(await screen.findByRole('checkbox', { name: 'Milk' })).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Storage' })).toBeInTheDocument();
  });

  it('says the storage is full, keeps what was typed, and shows nothing unsaved', async () => {
    const { user } = await renderApp({ middleware: [storageFull] });
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Milk{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Your device's storage is full, so this change was not saved.",
    );
    expect(screen.getByRole('combobox', { name: 'Product' })).toHaveValue('Milk');
    const list = screen.getByRole('list', { name: 'Shopping list' });
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);

    expect(
      within(screen.getByRole('alert')).getByRole('button', { name: 'Export backup' }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stops saving, and says so, when a newer Basket upgrades the database in another tab', async () => {
    const idb = freshIndexedDB();
    const { user } = await renderApp(idb);
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Milk{Enter}');
    await screen.findByRole('checkbox', { name: 'Milk' });

    const newer = new Dexie('basket', idb);
    newer.version(9).stores({ events: '++seq, &id, &[streamId+streamVersion], streamId, at' });
    await newer.open();

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Basket was updated — reload.');
    expect(within(banner).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Bread{Enter}');
    expect(
      await screen.findByText('Basket was updated — reload this page to keep saving.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Bread' })).toBeNull();
    expect(await newer.table('events').count()).toBe(1);
    newer.close();
  });
});
