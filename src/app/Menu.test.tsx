import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/harness';
import { edit } from '../test/commands';
import { openMenu } from '../test/menu';
import { addProducts } from '../test/people';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('the menu', () => {
  it('opens as a dialog with the rarely used things, and Escape closes it back onto Menu', async () => {
    const { user } = await renderApp();
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);

    const menu = await screen.findByRole('dialog', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-modal', 'true');
    expect(within(menu).getByRole('button', { name: 'Close menu' })).toHaveFocus();
    for (const name of ['New list', 'Rename list', 'Delete list', 'History', 'Sync'])
      expect(within(menu).getByRole('button', { name })).toBeInTheDocument();
    expect(within(menu).getByRole('combobox', { name: 'Language' })).toBeInTheDocument();
    expect(within(menu).getByRole('combobox', { name: 'Currency' })).toBeInTheDocument();
    expect(await within(menu).findByRole('region', { name: 'Backup' })).toBeInTheDocument();
    // The page behind cannot be reached while the sheet is open.
    expect(screen.getByRole('banner').closest('[inert]')).not.toBeNull();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Menu' })).toBeNull();
    expect(screen.getByRole('banner').closest('[inert]')).toBeNull();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('Escape in the list name form closes only the form', async () => {
    const { user } = await renderApp();
    const menu = await openMenu(user);
    await user.click(menu.getByRole('button', { name: 'New list' }));
    expect(menu.getByRole('textbox', { name: 'List name' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(menu.queryByRole('textbox', { name: 'List name' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Menu' })).toBeInTheDocument();
    // Focus goes back to what opened the form, not to the page.
    expect(menu.getByRole('button', { name: 'New list' })).toHaveFocus();
    await user.click(menu.getByRole('button', { name: 'Rename list' }));
    await user.click(menu.getByRole('button', { name: 'Cancel' }));
    expect(menu.getByRole('button', { name: 'Rename list' })).toHaveFocus();
  });

  it('closes with its Close button too, and focus goes back to Menu', async () => {
    const { user } = await renderApp();
    const menu = await openMenu(user);
    await user.click(menu.getByRole('button', { name: 'Close menu' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveFocus();
  });

  it('shows prices in the currency chosen there, and remembers it', async () => {
    vi.stubGlobal('navigator', { ...navigator, language: 'en-US', languages: ['en-US'] });
    const app = await renderApp();
    await addProducts(app.user, 'Milk');
    await app.basket.dispatch(edit('Milk', { price: '2.50' })(app.basket.getState().list));
    expect(await screen.findByText('$2.50 each')).toBeInTheDocument();

    const menu = await openMenu(app.user);
    const currency = menu.getByRole('combobox', { name: 'Currency' });
    expect(currency).toHaveValue('USD');
    await app.user.selectOptions(currency, 'EUR');
    await waitFor(() => expect(screen.getByText('€2.50 each')).toBeInTheDocument());
    expect(screen.queryByText('$2.50 each')).toBeNull();
    expect(localStorage.getItem('basket:currency')).toBe('EUR');
  });

  it('opens History and Sync, each closing the menu', async () => {
    const { user } = await renderApp();
    await user.click((await openMenu(user)).getByRole('button', { name: 'Sync' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('region', { name: 'Sync' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close Sync' }));
    expect(screen.queryByRole('region', { name: 'Sync' })).toBeNull();

    await user.click((await openMenu(user)).getByRole('button', { name: 'History' }));
    expect(await screen.findByRole('region', { name: 'History' })).toBeInTheDocument();
  });

  it('warns of nothing and offers no disabled buttons in the header on a first visit', async () => {
    await renderApp();
    const header = screen.getByRole('banner');
    expect(screen.queryByRole('complementary', { name: 'Storage' })).toBeNull();
    // Undo and Redo wait, greyed, for something to undo; nothing else there is out of use.
    const off = within(header)
      .getAllByRole('button')
      .filter((b) => b.hasAttribute('disabled'))
      .map((b) => b.textContent);
    expect(off).toEqual(['Undo', 'Redo']);
  });
});
