import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { freshIndexedDB, renderApp } from '../../test/harness';
import { openMenu } from '../../test/menu';
import { addProducts, shownProducts } from '../../test/people';

type App = Awaited<ReturnType<typeof renderApp>>;

const picker = () => screen.getByRole('combobox', { name: 'List' });
const options = () =>
  within(picker())
    .getAllByRole('option')
    .map((o) => o.textContent);

async function newList({ user }: App, name: string) {
  await user.click((await openMenu(user)).getByRole('button', { name: 'New list' }));
  await user.type(screen.getByRole('textbox', { name: 'List name' }), `${name}{Enter}`);
  await waitFor(() => expect(picker()).toHaveDisplayValue(name));
}

describe('several lists', () => {
  it('starts with one, makes another with Enter and opens it, each with its own products', async () => {
    const app = await renderApp();
    expect(options()).toEqual(['Shopping list']);
    await addProducts(app.user, 'Milk');

    await newList(app, 'Hardware');
    expect(options()).toEqual(['Shopping list', 'Hardware']);
    expect(screen.getByRole('region', { name: 'Hardware' })).toBeInTheDocument();
    expect(shownProducts()).toEqual([]);
    await addProducts(app.user, 'Nails');

    await app.user.selectOptions(picker(), 'Shopping list');
    await waitFor(() => expect(shownProducts()).toEqual(['Milk']));
    await app.user.selectOptions(picker(), 'Hardware');
    await waitFor(() => expect(shownProducts()).toEqual(['Nails']));
  });

  it('opens the list that was open last time', async () => {
    const idb = freshIndexedDB();
    const first = await renderApp(idb);
    await newList(first, 'Party');
    await addProducts(first.user, 'Balloons');
    first.unmount();
    first.basket.dispose();

    await renderApp(idb);
    expect(picker()).toHaveDisplayValue('Party');
    expect(shownProducts()).toEqual(['Balloons']);
  });

  it('renames a list, and undo takes the old name back', async () => {
    const app = await renderApp();
    await app.user.click((await openMenu(app.user)).getByRole('button', { name: 'Rename list' }));
    const name = screen.getByRole('textbox', { name: 'List name' });
    expect(name).toHaveValue('Shopping list');
    await app.user.clear(name);
    await app.user.type(name, 'Weekly shop{Enter}');
    await waitFor(() => expect(options()).toEqual(['Weekly shop']));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Renamed the list Shopping list to Weekly shop.',
    );

    await app.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(options()).toEqual(['Shopping list']));
  });

  it('refuses a blank name beside the field', async () => {
    const app = await renderApp();
    await app.user.click((await openMenu(app.user)).getByRole('button', { name: 'New list' }));
    await app.user.type(screen.getByRole('textbox', { name: 'List name' }), '   {Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a name for the list.');
    expect(options()).toEqual(['Shopping list']);
  });

  it('asks before deleting a list, never deletes the last one, and opens another', async () => {
    const app = await renderApp();
    const menu = await openMenu(app.user);
    expect(menu.getByRole('button', { name: 'Delete list' })).toBeDisabled();
    expect(menu.getByRole('button', { name: 'Delete list' })).toHaveAccessibleDescription(
      'Make another list before deleting this one',
    );
    await newList(app, 'Old list');
    await addProducts(app.user, 'Rope');

    await app.user.click((await openMenu(app.user)).getByRole('button', { name: 'Delete list' }));
    await app.user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(options()).toEqual(['Shopping list', 'Old list']);

    await app.user.click((await openMenu(app.user)).getByRole('button', { name: 'Delete list' }));
    await app.user.click(screen.getByRole('button', { name: 'Delete Old list' }));
    await waitFor(() => expect(options()).toEqual(['Shopping list']));
    expect(picker()).toHaveDisplayValue('Shopping list');
    expect(shownProducts()).toEqual([]);
  });

  it('keeps each list’s history to itself', async () => {
    const app = await renderApp();
    await addProducts(app.user, 'Milk');
    await newList(app, 'Hardware');
    await addProducts(app.user, 'Nails');
    await app.user.click((await openMenu(app.user)).getByRole('button', { name: 'History' }));
    const history = await screen.findByRole('region', { name: 'History' });
    await waitFor(() =>
      expect(
        within(history)
          .getAllByText(/\.$/)
          .map((e) => e.textContent),
      ).toEqual(['Added Nails.', 'Made a new list, Hardware.']),
    );
  });
});
