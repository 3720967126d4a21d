import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/harness';
import { shownProducts } from '../../test/people';

/** A wide screen, as the browser reports it to `matchMedia`. */
function wideScreen() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('min-width'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('the lists sidebar on a wide screen', () => {
  it('lists every list, marks the open one, opens another, and makes a new one', async () => {
    wideScreen();
    const { user } = await renderApp();
    const nav = screen.getByRole('navigation', { name: 'Lists' });
    expect(within(nav).getByRole('button', { name: 'Shopping list' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.click(within(nav).getByRole('button', { name: 'New list' }));
    const menu = await screen.findByRole('dialog', { name: 'Menu' });
    const name = within(menu).getByRole('textbox', { name: 'List name' });
    expect(name).toHaveFocus();
    await user.type(name, 'Hardware{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const hardware = within(nav).getByRole('button', { name: 'Hardware' });
    expect(hardware).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('combobox', { name: 'List' })).toHaveDisplayValue('Hardware');
    expect(shownProducts()).toEqual([]);

    await user.click(within(nav).getByRole('button', { name: 'Shopping list' }));
    expect(screen.getByRole('combobox', { name: 'List' })).toHaveDisplayValue('Shopping list');
    expect(hardware).not.toHaveAttribute('aria-current');
  });

  it('is not there on a narrow screen, where the header switches lists', async () => {
    await renderApp();
    expect(screen.queryByRole('navigation', { name: 'Lists' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'List' })).toBeInTheDocument();
  });
});
