import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/harness';
import { addProducts, shownProducts } from '../../test/people';
import { aMomentLater, movableClock, openSheet } from '../../test/sheet';

const list = () => screen.getByRole('list', { name: 'Shopping list' });
const names = () => shownProducts().map((n) => n.replace(/ ✓$/, ''));

describe('the shopping list', () => {
  it('says what to do when it is empty', async () => {
    await renderApp();
    expect(
      screen.getByText(
        'Your list is empty. Type what you need in the add field, or tap a quick pick.',
      ),
    ).toBeInTheDocument();
    // An empty list has no tools to grey out.
    for (const name of ['Clear bought', 'Share list', 'Reorder'])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('checks a product off with a tap anywhere on its row, keeps it in place a moment, then moves it after the ones still to buy', async () => {
    movableClock();
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread', 'Eggs');
    expect(screen.getByText('3 of 3 left to buy')).toBeInTheDocument();

    // Outside the checkbox and the name: the row itself.
    const row = screen.getByRole('checkbox', { name: 'Eggs' }).closest('.product')!;
    await user.click(within(row as HTMLElement).getByText('Eggs').parentElement!);
    expect(await screen.findByText('2 of 3 left to buy')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Eggs' })).toBeChecked();
    // Marked, where it was, so a wrong tap is seen where it happened.
    expect(names()).toEqual(['Bread', 'Eggs', 'Milk']);
    expect(screen.getByRole('checkbox', { name: 'Eggs' }).closest('.product')).toHaveClass(
      'bought',
    );

    aMomentLater();
    await waitFor(() => expect(names()).toEqual(['Bread', 'Milk', 'Eggs']));

    await user.click(screen.getByRole('checkbox', { name: 'Eggs' }));
    expect(await screen.findByText('3 of 3 left to buy')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Eggs' })).not.toBeChecked();
    vi.useRealTimers();
  });

  it('keeps each product checked off in a row in place until the person pauses', async () => {
    movableClock();
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread', 'Eggs');
    await user.click(screen.getByRole('checkbox', { name: 'Bread' }));
    await user.click(screen.getByRole('checkbox', { name: 'Milk' }));
    await screen.findByText('1 of 3 left to buy');
    expect(names()).toEqual(['Bread', 'Eggs', 'Milk']);
    // A wrong tap undone at once stays where it is, unchecked.
    await user.click(screen.getByRole('checkbox', { name: 'Milk' }));
    await screen.findByText('2 of 3 left to buy');
    expect(names()).toEqual(['Bread', 'Eggs', 'Milk']);

    aMomentLater();
    await waitFor(() => expect(names()).toEqual(['Eggs', 'Milk', 'Bread']));
    vi.useRealTimers();
  });

  it('edits a name and quantity in a sheet, with a stepper', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Tea');
    const sheet = await openSheet(user, 'Tea');
    const name = sheet.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'Green tea');
    const quantity = sheet.getByRole('spinbutton', { name: 'Quantity' });
    expect(sheet.getByRole('button', { name: 'Decrease quantity' })).toBeDisabled();
    await user.click(sheet.getByRole('button', { name: 'Increase quantity' }));
    await user.click(sheet.getByRole('button', { name: 'Increase quantity' }));
    await user.click(sheet.getByRole('button', { name: 'Increase quantity' }));
    expect(quantity).toHaveValue(4);
    await user.click(sheet.getByRole('button', { name: 'Decrease quantity' }));
    expect(quantity).toHaveValue(3);
    await user.click(sheet.getByRole('button', { name: 'Save' }));

    const renamed = await screen.findByRole('checkbox', { name: 'Green tea' });
    expect(renamed.closest('li')).toHaveTextContent('× 3');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Tea' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Renamed Tea to Green tea × 3.');
  });

  it('gives a product a unit and a note in its sheet, shown on its row beside the name', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk');
    let sheet = await openSheet(user, 'Milk');
    await user.click(sheet.getByRole('button', { name: 'Increase quantity' }));
    await user.type(sheet.getByRole('textbox', { name: 'Unit' }), 'l');
    await user.type(sheet.getByRole('textbox', { name: 'Note' }), 'lactose free');
    await user.click(sheet.getByRole('button', { name: 'Save' }));

    const row = (await screen.findByText('lactose free')).closest('li')!;
    expect(row).toHaveTextContent('2 l');
    expect(row).not.toHaveTextContent('×');
    // The checkbox is still named by the product alone.
    expect(within(row).getByRole('checkbox')).toHaveAccessibleName('Milk');

    sheet = await openSheet(user, 'Milk');
    expect(sheet.getByRole('textbox', { name: 'Unit' })).toHaveValue('l');
    await user.type(sheet.getByRole('textbox', { name: 'Note' }), 'x'.repeat(300));
    await user.click(sheet.getByRole('button', { name: 'Save' }));
    expect(sheet.getByRole('textbox', { name: 'Note' })).toHaveFocus();
    expect(sheet.getByRole('textbox', { name: 'Note' })).toHaveAccessibleDescription(
      /A note can be at most/,
    );
    await user.clear(sheet.getByRole('textbox', { name: 'Note' }));
    await user.clear(sheet.getByRole('textbox', { name: 'Unit' }));
    await user.click(sheet.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByText('lactose free')).toBeNull());
    expect(screen.getByRole('checkbox', { name: 'Milk' }).closest('li')).toHaveTextContent('× 2');
  });

  it('selects the quantity when it is focused, so typing 3 gives 3', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Tea');
    const sheet = await openSheet(user, 'Tea');
    await user.click(sheet.getByRole('spinbutton', { name: 'Quantity' }));
    await user.keyboard('3{Enter}');
    expect(await screen.findByText('Tea is now × 3.', { exact: false })).toBeInTheDocument();
  });

  it('refuses a bad edit beside the field and changes nothing; Escape closes the sheet and gives focus back to Edit', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Tea');
    const sheet = await openSheet(user, 'Tea');
    await user.clear(sheet.getByRole('textbox', { name: 'Name' }));
    await user.click(sheet.getByRole('button', { name: 'Save' }));
    expect(sheet.getByRole('alert')).toHaveTextContent('Enter a product name.');
    expect(sheet.getByRole('textbox', { name: 'Name' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Tea' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit Tea' })).toHaveFocus());
  });

  it('Cancel closes the sheet without saving and gives focus back to Edit', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Tea');
    const sheet = await openSheet(user, 'Tea');
    await user.type(sheet.getByRole('textbox', { name: 'Name' }), 'Coffee');
    await user.click(sheet.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(names()).toEqual(['Tea']);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit Tea' })).toHaveFocus());
  });

  it('refuses renaming to a product already on the list, in the sheet', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Tea', 'Coffee');
    const sheet = await openSheet(user, 'Tea');
    const name = sheet.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'coffee{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Coffee is already on the list.');
    expect(sheet.getByRole('alert')).toHaveTextContent('Coffee is already on the list.');
    expect(sheet.getByRole('textbox', { name: 'Name' })).toHaveValue('coffee');
  });

  it('deletes a product from its sheet, and the snackbar undoes it', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread');
    expect(screen.queryByRole('button', { name: 'Delete Milk' })).toBeNull();
    const sheet = await openSheet(user, 'Milk');
    await user.click(sheet.getByRole('button', { name: 'Delete Milk' }));

    const status = screen.getByRole('status');
    expect(await within(status).findByText('Deleted Milk.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Milk' })).toBeNull();
    expect(within(list()).getAllByRole('listitem')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Undo: Deleted Milk.' }));
    expect(await screen.findByRole('checkbox', { name: 'Milk' })).toBeInTheDocument();
    expect(status).toHaveTextContent('Undid: Deleted Milk.');
    expect(status).toHaveTextContent(/^Undid: Deleted Milk\.$/);
    expect(screen.queryByRole('button', { name: /^Undo:/ })).toBeNull();
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

  it('keeps a price per unit from the edit sheet, in the person’s currency, and totals what is left and everything', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk', 'Bread');
    const price = async (name: string, amount: string) => {
      const sheet = await openSheet(user, name);
      const field = sheet.getByRole('spinbutton', { name: 'Price' });
      expect(field).toHaveAccessibleDescription('$');
      await user.clear(field);
      await user.type(field, amount);
      await user.click(sheet.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    };
    await price('Milk', '1.25');
    const sheet = await openSheet(user, 'Milk');
    const quantity = sheet.getByRole('spinbutton', { name: 'Quantity' });
    await user.clear(quantity);
    await user.type(quantity, '2{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
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

    const again = await openSheet(user, 'Milk');
    await user.type(again.getByRole('spinbutton', { name: 'Price' }), '{Backspace>9}-1{Enter}');
    expect(again.getByRole('alert')).toHaveTextContent('A price cannot be below 0.');
    expect(again.getByRole('spinbutton', { name: 'Price' })).toHaveAttribute(
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
