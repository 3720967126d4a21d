import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/harness';
import { shownProducts } from '../../test/people';

afterEach(() => {
  vi.unstubAllGlobals();
  document.documentElement.lang = 'en';
});

// They come a frame after the list (App's `belowTheList`).
const picks = async () =>
  within(await screen.findByRole('region', { name: 'Quick picks' }))
    .getAllByRole('button')
    .map((b) => b.getAttribute('aria-label'));

describe('a first visit', () => {
  it('points to the add field and offers common products, one tap each, until the first shop', async () => {
    const { user } = await renderApp();
    expect(
      screen.getByText(
        'Your list is empty. Type what you need in the add field, or tap a quick pick.',
      ),
    ).toBeVisible();
    expect(await picks()).toEqual([
      'Add Milk',
      'Add Bread',
      'Add Eggs',
      'Add Bananas',
      'Add Coffee',
      'Add Apples',
      'Add Butter',
      'Add Tomatoes',
    ]);

    await user.click(screen.getByRole('button', { name: 'Add Milk' }));
    expect(await screen.findByRole('checkbox', { name: 'Milk' })).not.toBeChecked();
    // Still offered below the list, without what is on it now.
    expect(await picks()).not.toContain('Add Milk');
    await user.click(screen.getByRole('button', { name: 'Add Eggs' }));
    await screen.findByRole('checkbox', { name: 'Eggs' });
    expect(shownProducts()).toEqual(['Eggs', 'Milk']);
    // The exact "Add" button is still the add form's own.
    expect(screen.getAllByRole('button', { name: 'Add' })).toHaveLength(1);

    // Once something is bought, Buy again offers the person's own products instead.
    await user.click(screen.getByRole('checkbox', { name: 'Milk' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Quick picks' })).toBeNull());
  });

  it('offers Chinese products in Chinese', async () => {
    vi.stubGlobal('navigator', { ...navigator, language: 'zh-CN', languages: ['zh-CN'] });
    const { user } = await renderApp();
    expect(
      await screen.findByText('清单还是空的。在添加栏里输入要买的东西，或者点一下常买的东西。'),
    ).toBeVisible();
    const region = await screen.findByRole('region', { name: '常买的东西' });
    expect(within(region).getAllByRole('button')[0]).toHaveAccessibleName('添加牛奶');
    await user.click(within(region).getByRole('button', { name: '添加鸡蛋' }));
    expect(await screen.findByRole('checkbox', { name: '鸡蛋' })).toBeInTheDocument();
  });
});
