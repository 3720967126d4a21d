import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { freshIndexedDB, renderApp } from '../../test/harness';
import { addProducts, shownProducts } from '../../test/people';
import { aMomentLater, movableClock, openSheet } from '../../test/sheet';

const list = () => screen.getByRole('list', { name: 'Shopping list' });
const aisles = () =>
  within(list())
    .queryAllByRole('heading', { level: 3 })
    .map((h) => h.textContent?.replace(/ · \d+$/, ''));

describe('aisles', () => {
  it('groups the list under aisle headings, in the order a shop is walked', async () => {
    movableClock();
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Shoelaces', 'Bananas', 'Bread', '面包');
    expect(aisles()).toEqual(['Fruit & vegetables', 'Bakery', 'Dairy & eggs', 'Other']);
    expect(shownProducts()).toEqual(['Bananas', '面包', 'Bread', 'Milk', 'Shoelaces']);
    // Still one list item per product: the heading sits inside the first product of its aisle.
    expect(within(list()).getAllByRole('listitem')).toHaveLength(5);

    await user.click(screen.getByRole('checkbox', { name: 'Milk' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Milk' })).toBeChecked());
    // For a moment it stays in its aisle, marked; then moves to Bought.
    expect(aisles()).toEqual(['Fruit & vegetables', 'Bakery', 'Dairy & eggs', 'Other']);
    aMomentLater();
    await waitFor(() =>
      expect(aisles()).toEqual(['Fruit & vegetables', 'Bakery', 'Other', 'Bought']),
    );
    vi.useRealTimers();
  });

  it('remembers a category chosen in the edit form for the next time that name is added', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Oat milk', 'Bread');
    expect(aisles()).toEqual(['Bakery', 'Dairy & eggs']);

    let sheet = await openSheet(user, 'Oat milk');
    const category = sheet.getByRole('combobox', { name: 'Category' });
    expect(category).toHaveDisplayValue('Dairy & eggs');
    await user.selectOptions(category, 'Drinks');
    await user.click(sheet.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(aisles()).toEqual(['Bakery', 'Drinks']));
    expect(screen.getByRole('status')).toHaveTextContent('Oat milk goes in Drinks now.');

    sheet = await openSheet(user, 'Oat milk');
    await user.click(sheet.getByRole('button', { name: 'Delete Oat milk' }));
    await waitFor(() => expect(aisles()).toEqual(['Bakery']));
    await addProducts(user, 'oat milk');
    expect(aisles()).toEqual(['Bakery', 'Drinks']);
  });

  it('moves an aisle up and down, keeps the order after a reload, and can undo it', async () => {
    const storage = freshIndexedDB();
    const first = await renderApp(storage);
    const { user } = first;
    await addProducts(user, 'Bananas', 'Bread', 'Milk');
    expect(screen.getByRole('button', { name: 'Move Fruit & vegetables up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Dairy & eggs down' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Move Dairy & eggs up' }));
    await waitFor(() => expect(aisles()).toEqual(['Fruit & vegetables', 'Dairy & eggs', 'Bakery']));
    await user.click(screen.getByRole('button', { name: 'Move Fruit & vegetables down' }));
    await waitFor(() => expect(aisles()).toEqual(['Dairy & eggs', 'Fruit & vegetables', 'Bakery']));

    first.unmount();
    first.basket.dispose();
    const second = await renderApp(storage);
    expect(aisles()).toEqual(['Dairy & eggs', 'Fruit & vegetables', 'Bakery']);

    await second.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(aisles()).toEqual(['Fruit & vegetables', 'Dairy & eggs', 'Bakery']));
  });
});
