import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/harness';
import { addProducts, shownProducts } from '../../test/people';

const list = () => screen.getByRole('list', { name: 'Shopping list' });
const names = () => shownProducts().map((n) => n.replace(/ ✓$/, ''));

describe('the shopping list', () => {
  it('says what to do when it is empty', async () => {
    await renderApp();
    expect(
      screen.getByText('Your list is empty. Add your first product below.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear bought' })).toBeDisabled();
  });

  it('checks a product off, moves it after the ones still to buy, and counts what is left', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread', 'Eggs');
    expect(screen.getByText('3 of 3 left to buy')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Eggs' }));
    expect(await screen.findByText('2 of 3 left to buy')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Eggs' })).toBeChecked();
    expect(names()).toEqual(['Bread', 'Milk', 'Eggs']);

    await user.click(screen.getByRole('checkbox', { name: 'Eggs' }));
    expect(await screen.findByText('3 of 3 left to buy')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Eggs' })).not.toBeChecked();
  });

  it('edits a name and quantity in place', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Tea');
    await user.click(screen.getByRole('button', { name: 'Edit Tea' }));
    const item = within(list()).getByRole('listitem');
    const name = within(item).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Green tea');
    const quantity = within(item).getByRole('spinbutton', { name: 'Quantity' });
    await user.clear(quantity);
    await user.type(quantity, '3');
    await user.click(within(item).getByRole('button', { name: 'Save' }));

    const renamed = await screen.findByRole('checkbox', { name: 'Green tea' });
    expect(renamed.closest('li')).toHaveTextContent('× 3');
    expect(screen.queryByRole('checkbox', { name: 'Tea' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Renamed Tea to Green tea × 3.');
  });

  it('refuses a bad edit beside the field and changes nothing; Escape leaves the product as it was', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Tea');
    await user.click(screen.getByRole('button', { name: 'Edit Tea' }));
    const item = within(list()).getByRole('listitem');
    await user.clear(within(item).getByRole('textbox', { name: 'Name' }));
    await user.click(within(item).getByRole('button', { name: 'Save' }));
    expect(within(item).getByRole('alert')).toHaveTextContent('Enter a product name.');

    await user.keyboard('{Escape}');
    expect(await screen.findByRole('checkbox', { name: 'Tea' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Tea' })).toBeInTheDocument();
  });

  it('refuses renaming to a product already on the list', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Tea', 'Coffee');
    await user.click(screen.getByRole('button', { name: 'Edit Tea' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'coffee{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Coffee is already on the list.');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('coffee');
  });

  it('deletes a product', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread');
    await user.click(screen.getByRole('button', { name: 'Delete Milk' }));

    expect(await screen.findByText('Deleted Milk.')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Milk' })).toBeNull();
    expect(within(list()).getAllByRole('listitem')).toHaveLength(1);
  });

  it('clears every bought product in one step and keeps the rest', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread', 'Eggs');
    await user.click(screen.getByRole('checkbox', { name: 'Milk' }));
    await user.click(screen.getByRole('checkbox', { name: 'Eggs' }));
    await screen.findByText('1 of 3 left to buy');
    await user.click(screen.getByRole('button', { name: 'Clear bought' }));

    expect(await screen.findByText('Cleared 2 bought products.')).toBeInTheDocument();
    expect(names()).toEqual(['Bread']);
    expect(screen.getByRole('button', { name: 'Clear bought' })).toBeDisabled();
  });

  it('shares what is still to buy as plain text', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread');
    await user.click(screen.getByRole('checkbox', { name: 'Bread' }));
    await screen.findByText('1 of 2 left to buy');
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Eggs');
    await user.clear(screen.getByRole('spinbutton', { name: 'Quantity' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Quantity' }), '6{Enter}');
    await screen.findByRole('checkbox', { name: 'Eggs' });

    await user.click(screen.getByRole('button', { name: 'Share list' }));
    expect(await screen.findByText('Copied the list to the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('Shopping list\n- Eggs × 6\n- Milk');
  });

  it('keeps a price per unit from the edit form and totals what is left and everything', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread');
    const price = async (name: string, amount: string) => {
      await user.click(screen.getByRole('button', { name: `Edit ${name}` }));
      const field = screen.getByRole('spinbutton', { name: 'Price' });
      await user.clear(field);
      await user.type(field, amount);
      await user.click(screen.getByRole('button', { name: 'Save' }));
      await screen.findByRole('button', { name: `Edit ${name}` });
    };
    await price('Milk', '1.25');
    await user.click(screen.getByRole('button', { name: 'Edit Milk' }));
    const quantity = within(list()).getByRole('spinbutton', { name: 'Quantity' });
    await user.clear(quantity);
    await user.type(quantity, '2{Enter}');
    await price('Bread', '2.1');
    expect(
      await screen.findByText('· $4.60 to buy, $4.60 in all', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Milk' }).closest('li')).toHaveTextContent(
      '1.25 each',
    );

    await user.click(screen.getByRole('checkbox', { name: 'Bread' }));
    expect(
      await screen.findByText('$2.50 to buy, $4.60 in all', { exact: false }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit Milk' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Price' }), '{Backspace>9}-1{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('A price cannot be below 0.');
    expect(screen.getByRole('spinbutton', { name: 'Price' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await user.keyboard('{Escape}');
    // Undo takes back the check-off, then Bread's price.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText('$4.60 to buy, $4.60 in all', { exact: false }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText('$2.50 to buy, $2.50 in all', { exact: false }),
    ).toBeInTheDocument();
  });
});
