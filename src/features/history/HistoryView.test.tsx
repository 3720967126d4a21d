import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/harness';
import { openMenu } from '../../test/menu';
import { addProducts, shownProducts } from '../../test/people';
import { openSheet } from '../../test/sheet';

type App = Awaited<ReturnType<typeof renderApp>>;

async function lived(app: App) {
  await addProducts(app.user, 'Milk', 'Tea');
  const sheet = await openSheet(app.user, 'Tea');
  const name = sheet.getByRole('textbox', { name: 'Name' });
  await app.user.clear(name);
  await app.user.type(name, 'Green tea{Enter}');
  await screen.findByRole('checkbox', { name: 'Green tea' });
  await app.user.click(screen.getByRole('checkbox', { name: 'Milk' }));
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Milk' })).toBeChecked());
  await app.user.click(screen.getByRole('button', { name: 'Clear bought' }));
  await waitFor(() => expect(shownProducts()).toEqual(['Green tea']));
}

describe('the history', () => {
  it('reads like a diary of the list, newest first, under the day it happened', async () => {
    const app = await renderApp();
    await lived(app);
    await app.user.click((await openMenu(app.user)).getByRole('button', { name: 'History' }));

    const history = await screen.findByRole('region', { name: 'History' });
    const diary = await within(history).findByRole('list', { name: /Everything that happened/ });
    await waitFor(() =>
      expect(
        within(diary)
          .getAllByText(/\.$/)
          .map((e) => e.textContent),
      ).toEqual([
        'Cleared 1 bought product.',
        'Checked off Milk.',
        'Renamed Tea to Green tea.',
        'Added Tea.',
        'Added Milk.',
      ]),
    );
    expect(within(diary).getAllByRole('heading', { level: 3 })).toHaveLength(1);
    // The menu closed onto the history, which takes the list's place.
    expect(screen.queryByRole('dialog', { name: 'Menu' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Shopping list' })).toBeNull();

    await app.user.click(within(history).getByRole('button', { name: 'Back to the list' }));
    expect(await screen.findByRole('list', { name: 'Shopping list' })).toBeInTheDocument();
  });

  it('looks back at the list as it was, and restores it as one change that can be undone', async () => {
    const app = await renderApp();
    await lived(app);
    await app.user.click((await openMenu(app.user)).getByRole('button', { name: 'History' }));
    const lookBack = await screen.findByRole('button', { name: /after: Checked off Milk\./ });
    await app.user.click(lookBack);

    const past = await screen.findByRole('region', { name: /The list as it was on/ });
    const items = within(past)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['Green tea', 'Milk (bought)']);
    expect(within(past).queryByRole('checkbox')).toBeNull();

    await app.user.click(within(past).getByRole('button', { name: 'Restore this list' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Milk' })).toBeChecked());
    expect(screen.getByRole('status')).toHaveTextContent(
      'Restored an earlier version of the list.',
    );

    await app.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(shownProducts()).toEqual(['Green tea']));
  });

  it('returns to now without changing anything', async () => {
    const app = await renderApp();
    await lived(app);
    await app.user.click((await openMenu(app.user)).getByRole('button', { name: 'History' }));
    await app.user.click(await screen.findByRole('button', { name: /after: Added Milk\./ }));
    const past = await screen.findByRole('region', { name: /The list as it was on/ });
    expect(
      within(past)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Milk']);
    await app.user.click(within(past).getByRole('button', { name: 'Back to now' }));
    expect(await screen.findByRole('region', { name: 'History' })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Back to the list' }));
    await waitFor(() => expect(shownProducts()).toEqual(['Green tea']));
  });

  it('stays current while open, reading only what is new, and is not doubled by an import', async () => {
    const app = await renderApp();
    await addProducts(app.user, 'Milk');
    const { file } = await app.basket.exportBackup();
    await app.user.click((await openMenu(app.user)).getByRole('button', { name: 'History' }));
    const history = await screen.findByRole('region', { name: 'History' });
    const told = () =>
      within(history)
        .getAllByText(/\.$/)
        .map((e) => e.textContent);
    await waitFor(() => expect(told()).toEqual(['Added Milk.']));

    await app.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(told()).toEqual(['Undid: Added Milk.', 'Added Milk.']));

    // Another device's backup: merging it re-sequences the whole log.
    const tea = file.events.map((e) => ({
      ...e,
      id: `other-${e.id}`,
      at: e.at - 1000,
      payload: { ...e.payload, productId: 'other-tea', name: 'Tea' },
    }));
    await app.basket.importBackup(new Blob([JSON.stringify({ ...file, events: tea })]));
    await waitFor(() =>
      expect(told()).toEqual(['Undid: Added Milk.', 'Added Milk.', 'Added Tea.']),
    );
  });
});
