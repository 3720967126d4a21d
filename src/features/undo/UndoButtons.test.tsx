import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { freshIndexedDB, renderApp } from '../../test/harness';

type App = Awaited<ReturnType<typeof renderApp>>;

async function add({ user }: App, name: string) {
  await user.type(screen.getByRole('combobox', { name: 'Product' }), `${name}{Enter}`);
  await screen.findByRole('checkbox', { name });
}
const items = () =>
  within(screen.getByRole('list', { name: 'Shopping list' }))
    .queryAllByRole('checkbox')
    .map(
      (c) =>
        `${(c as HTMLInputElement).labels?.[0]?.textContent}${(c as HTMLInputElement).checked ? ' ✓' : ''}`,
    );

describe('undo and redo', () => {
  it('are disabled until there is something to undo or redo', async () => {
    await renderApp();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Redo' })).toBeDisabled();
  });

  it('walk every kind of change back, and forward again, with the buttons', async () => {
    const app = await renderApp();
    await add(app, 'Milk');
    await add(app, 'Bread');
    await app.user.click(screen.getByRole('checkbox', { name: 'Bread' }));
    await waitFor(() => expect(items()).toEqual(['Milk', 'Bread ✓']));
    await app.user.click(screen.getByRole('button', { name: 'Clear bought' }));
    await waitFor(() => expect(items()).toEqual(['Milk']));
    await app.user.click(screen.getByRole('button', { name: 'Delete Milk' }));
    await waitFor(() => expect(items()).toEqual([]));

    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toHaveAttribute('title', 'Undo: Deleted Milk.');
    await app.user.click(undo);
    await waitFor(() => expect(items()).toEqual(['Milk']));
    expect(screen.getByRole('status')).toHaveTextContent('Undid: Deleted Milk.');
    await app.user.click(undo);
    await waitFor(() => expect(items()).toEqual(['Milk', 'Bread ✓']));
    await app.user.click(undo);
    await waitFor(() => expect(items()).toEqual(['Bread', 'Milk']));
    await app.user.click(undo);
    await app.user.click(undo);
    await waitFor(() => expect(items()).toEqual([]));
    expect(undo).toBeDisabled();

    const redo = screen.getByRole('button', { name: 'Redo' });
    for (let i = 0; i < 5; i += 1) await app.user.click(redo);
    await waitFor(() => expect(items()).toEqual([]));
    expect(redo).toBeDisabled();
    expect(undo).toBeEnabled();
  });

  it('answer Ctrl+Z and Ctrl+Shift+Z, but not while typing in a text field', async () => {
    const app = await renderApp();
    await add(app, 'Tea');
    const product = screen.getByRole('combobox', { name: 'Product' });
    await app.user.type(product, 'Cof');
    await app.user.keyboard('{Control>}z{/Control}');
    expect(screen.getByRole('checkbox', { name: 'Tea' })).toBeInTheDocument();

    await app.user.click(screen.getByRole('heading', { name: 'Shopping list' }));
    await app.user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(items()).toEqual([]));
    await app.user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(items()).toEqual(['Tea']));
  });

  it('survive a reload: the stacks come from the log', async () => {
    const idb = freshIndexedDB();
    const first = await renderApp(idb);
    await add(first, 'Jam');
    await add(first, 'Butter');
    first.unmount();
    first.basket.dispose();

    const again = await renderApp(idb);
    await again.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(items()).toEqual(['Jam']));
    again.unmount();
    again.basket.dispose();

    const third = await renderApp(idb);
    expect(screen.getByRole('button', { name: 'Redo' })).toHaveAttribute(
      'title',
      'Redo: Added Butter.',
    );
    await third.user.click(screen.getByRole('button', { name: 'Redo' }));
    await waitFor(() => expect(items()).toEqual(['Butter', 'Jam']));
  });
});
