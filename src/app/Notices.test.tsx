import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/harness';
import { addProducts } from '../test/people';
import { movableClock } from '../test/sheet';

const status = () => screen.getByRole('status');

describe('the snackbar', () => {
  it('says what was just done, and its Undo takes back exactly that', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread', 'Eggs');
    await user.click(screen.getByRole('checkbox', { name: 'Milk' }));
    await user.click(screen.getByRole('checkbox', { name: 'Eggs' }));
    await waitFor(() => expect(status()).toHaveTextContent('Checked off Eggs.'));

    await user.click(screen.getByRole('button', { name: 'Undo: Checked off Eggs.' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Eggs' })).not.toBeChecked());
    expect(screen.getByRole('checkbox', { name: 'Milk' })).toBeChecked();
    expect(status()).toHaveTextContent('Undid: Checked off Eggs.');
    // The header keeps its own Undo, for what came before.
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveAttribute(
      'title',
      'Undo: Checked off Milk.',
    );
  });

  it('offers no Undo once its action was undone another way', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk');
    expect(screen.getByRole('button', { name: 'Undo: Added Milk.' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(status()).toHaveTextContent('Undid: Added Milk.'));
    expect(screen.queryByRole('button', { name: /^Undo:/ })).toBeNull();
  });

  it('goes after a few seconds, but not while it has focus', async () => {
    movableClock();
    const { user } = await renderApp();
    await addProducts(user, 'Milk');
    const undo = screen.getByRole('button', { name: 'Undo: Added Milk.' });
    act(() => undo.focus());
    act(() => vi.advanceTimersByTime(30_000));
    expect(status()).toHaveTextContent('Added Milk.');

    act(() => screen.getByRole('combobox', { name: 'Product' }).focus());
    act(() => vi.advanceTimersByTime(30_000));
    expect(status()).toBeEmptyDOMElement();
    vi.useRealTimers();
  });
});
