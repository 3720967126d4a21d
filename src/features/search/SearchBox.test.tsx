import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/harness';

describe('searching the list', () => {
  it('filters as you type, ignoring case; a clear control and a message when nothing matches', async () => {
    const { user } = await renderApp();
    for (const name of ['Milk', 'Oat milk', 'Bread']) {
      await user.type(screen.getByRole('combobox', { name: 'Product' }), `${name}{Enter}`);
      await screen.findByRole('checkbox', { name });
    }
    const list = screen.getByRole('list', { name: 'Shopping list' });
    const search = screen.getByRole('searchbox', { name: 'Search' });

    await user.type(search, 'MIL');
    expect(
      within(list)
        .getAllByRole('checkbox')
        .map((c) => (c as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(['Oat milk', 'Milk']);

    await user.type(search, 'x');
    expect(screen.getByText('Nothing matches “MILx”.')).toBeInTheDocument();
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(search).toHaveValue('');
    expect(search).toHaveFocus();
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
  });

  it('is reached with "/" from anywhere but a text field', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('heading', { name: 'Shopping list' }));
    await user.keyboard('/');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');

    await user.click(screen.getByRole('combobox', { name: 'Product' }));
    await user.keyboard('a/b');
    expect(screen.getByRole('combobox', { name: 'Product' })).toHaveValue('a/b');
  });
});
