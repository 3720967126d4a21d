import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { freshIndexedDB, renderApp } from '../../test/harness';
import { addProducts, shownProducts } from '../../test/people';
import { openSheet } from '../../test/sheet';

describe('undo and redo', () => {
  it('are disabled until there is something to undo or redo', async () => {
    await renderApp();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Redo' })).toBeDisabled();
  });

  it('walk every kind of change back, and forward again, with the buttons', async () => {
    const app = await renderApp();
    await addProducts(app.user, 'Milk', 'Bread');
    await app.user.click(screen.getByRole('checkbox', { name: 'Bread' }));
    // Checked off here, it stays in its place for a moment.
    await waitFor(() => expect(shownProducts()).toEqual(['Bread ✓', 'Milk']));
    await app.user.click(screen.getByRole('button', { name: 'Clear bought' }));
    await waitFor(() => expect(shownProducts()).toEqual(['Milk']));
    const sheet = await openSheet(app.user, 'Milk');
    await app.user.click(sheet.getByRole('button', { name: 'Delete Milk' }));
    await waitFor(() => expect(shownProducts()).toEqual([]));

    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo).toHaveAttribute('title', 'Undo: Deleted Milk.');
    await app.user.click(undo);
    await waitFor(() => expect(shownProducts()).toEqual(['Milk']));
    expect(screen.getByRole('status')).toHaveTextContent('Undid: Deleted Milk.');
    await app.user.click(undo);
    await waitFor(() => expect(shownProducts()).toEqual(['Milk', 'Bread ✓']));
    await app.user.click(undo);
    await waitFor(() => expect(shownProducts()).toEqual(['Bread', 'Milk']));
    await app.user.click(undo);
    await app.user.click(undo);
    await waitFor(() => expect(shownProducts()).toEqual([]));
    expect(undo).toBeDisabled();

    const redo = screen.getByRole('button', { name: 'Redo' });
    for (let i = 0; i < 5; i += 1) await app.user.click(redo);
    await waitFor(() => expect(shownProducts()).toEqual([]));
    expect(redo).toBeDisabled();
    expect(undo).toBeEnabled();
  });

  it('answer Ctrl+Z and Ctrl+Shift+Z, but not while typing in a text field', async () => {
    const app = await renderApp();
    await addProducts(app.user, 'Tea');
    const product = screen.getByRole('combobox', { name: 'Product' });
    await app.user.type(product, 'Cof');
    await app.user.keyboard('{Control>}z{/Control}');
    expect(screen.getByRole('checkbox', { name: 'Tea' })).toBeInTheDocument();

    await app.user.click(screen.getByRole('heading', { name: 'Shopping list' }));
    await app.user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(shownProducts()).toEqual([]));
    await app.user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(shownProducts()).toEqual(['Tea']));
  });

  it('survive a reload: the stacks come from the log', async () => {
    const idb = freshIndexedDB();
    const first = await renderApp(idb);
    await addProducts(first.user, 'Jam');
    await addProducts(first.user, 'Butter');
    first.unmount();
    first.basket.dispose();

    const again = await renderApp(idb);
    await again.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(shownProducts()).toEqual(['Jam']));
    again.unmount();
    again.basket.dispose();

    const third = await renderApp(idb);
    expect(screen.getByRole('button', { name: 'Redo' })).toHaveAttribute(
      'title',
      'Redo: Added Butter.',
    );
    await third.user.click(screen.getByRole('button', { name: 'Redo' }));
    await waitFor(() => expect(shownProducts()).toEqual(['Butter', 'Jam']));
  });
});
