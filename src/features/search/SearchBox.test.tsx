import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/harness';
import { addProducts, shownProducts } from '../../test/people';

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.lang = 'en';
});

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

describe('a search that finds nothing', () => {
  it('offers to add what was typed; one tap adds it, clears the search and says so', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk');
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'mil');
    expect(screen.queryByRole('button', { name: /^Add “/ })).toBeNull();

    await user.clear(search);
    await user.type(search, '  ketchup ');
    await user.click(screen.getByRole('button', { name: 'Add “ketchup”' }));
    expect(await screen.findByRole('checkbox', { name: 'ketchup' })).not.toBeChecked();
    expect(search).toHaveValue('');
    expect(search).toHaveFocus();
    expect(shownProducts()).toEqual(['Milk', 'ketchup']);
    expect(screen.getByText('Added ketchup.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Add “/ })).toBeNull();
  });

  it('reads a quantity and unit in what was searched for, as the Product field does', async () => {
    const { user } = await renderApp();
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'flour 500 g');
    await user.click(screen.getByRole('button', { name: 'Add “flour 500 g”' }));
    expect(await screen.findByRole('checkbox', { name: 'flour' })).toBeInTheDocument();
    expect(screen.getByText('Added flour 500 g.')).toBeInTheDocument();
  });

  it('adds with Enter too, and says why when the name cannot be one, adding nothing', async () => {
    const { user } = await renderApp();
    const search = screen.getByRole('searchbox', { name: 'Search' });
    // Enter while something matches only searches.
    await addProducts(user, 'Milk');
    await user.type(search, 'milk{Enter}');
    expect(shownProducts()).toEqual(['Milk']);

    await user.clear(search);
    await user.click(search);
    await user.paste('x'.repeat(201));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Keep the name to 200 characters or fewer.',
    );
    expect(search).toHaveAttribute('aria-invalid', 'true');
    await user.clear(search);
    expect(shownProducts()).toEqual(['Milk']);

    await user.type(search, 'Oat milk{Enter}');
    expect(await screen.findByRole('checkbox', { name: 'Oat milk' })).toBeInTheDocument();
    expect(search).toHaveValue('');
  });

  it('offers the add in Chinese, and a search finds a Chinese name by any part of it', async () => {
    vi.stubGlobal('navigator', { ...navigator, language: 'zh-CN', languages: ['zh-CN'] });
    const { user } = await renderApp();
    const search = await screen.findByRole('searchbox', { name: '搜索' });
    await user.type(search, '酱油');
    await user.click(screen.getByRole('button', { name: '添加“酱油”' }));
    expect(await screen.findByRole('checkbox', { name: '酱油' })).toBeInTheDocument();
    await user.type(search, '油');
    const list = screen.getByRole('list', { name: '购物清单' });
    expect(
      within(list)
        .getAllByRole('checkbox')
        .map((c) => (c as HTMLInputElement).labels?.[0]?.textContent),
    ).toEqual(['酱油']);
    expect(screen.queryByRole('button', { name: /^添加“/ })).toBeNull();
  });
});
