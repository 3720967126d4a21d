import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openDexieStore } from '../../store';
import { freshIndexedDB, renderApp } from '../../test/harness';

const listItems = () =>
  within(screen.getByRole('list', { name: 'Shopping list' })).queryAllByRole('listitem');

describe('adding a product', () => {
  it('adds with Enter, quantity 1 by default, and is ready for the next one', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Milk{Enter}');

    expect(await screen.findByRole('checkbox', { name: 'Milk' })).not.toBeChecked();
    // The field is cleared once the dispatch resolves, a moment after the row appears.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Product' })).toHaveValue(''));
    expect(screen.getByRole('combobox', { name: 'Product' })).toHaveFocus();
    expect(screen.getByRole('spinbutton', { name: 'Quantity' })).toHaveValue(1);
    expect(screen.getByRole('status')).toHaveTextContent('Added Milk.');
  });

  it('adds with a quantity using the Add button', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Eggs');
    await user.clear(screen.getByRole('spinbutton', { name: 'Quantity' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Quantity' }), '12');
    await user.click(screen.getByRole('button', { name: 'Add' }));

    const row = (await screen.findByRole('checkbox', { name: 'Eggs' })).closest('li')!;
    expect(row).toHaveTextContent('× 12');
  });

  it('raises the quantity of a product already on the list instead of adding it twice', async () => {
    const { user } = await renderApp();
    const product = screen.getByRole('combobox', { name: 'Product' });
    await user.type(product, 'Bread{Enter}');
    await screen.findByRole('checkbox', { name: 'Bread' });
    await user.type(product, '  bread {Enter}');

    expect(await screen.findByText('Bread is now × 2.')).toBeInTheDocument();
    expect(listItems()).toHaveLength(1);
    expect(listItems()[0]).toHaveTextContent('× 2');
  });

  it.each([
    ['   ', '1', 'Product', 'Enter a product name.'],
    ['x'.repeat(201), '1', 'Product', 'Keep the name to 200 characters or fewer.'],
    ['Milk', '0', 'Quantity', 'Quantity must be more than 0.'],
    ['Milk', '-3', 'Quantity', 'Quantity must be more than 0.'],
    ['Milk', '100000', 'Quantity', 'Quantity must be 9,999 or less.'],
  ])(
    'refuses name %j with quantity %s, says why beside the field and stores nothing',
    async (name, quantity, field, message) => {
      const idb = freshIndexedDB();
      const { user } = await renderApp(idb);
      const product = screen.getByRole('combobox', { name: 'Product' });
      const amount = screen.getByRole('spinbutton', { name: 'Quantity' });
      await user.clear(amount);
      await user.type(amount, quantity);
      await user.click(product);
      await user.paste(name);
      await user.click(screen.getByRole('button', { name: 'Add' }));

      expect(await screen.findByRole('alert')).toHaveTextContent(message);
      const invalid = field === 'Product' ? product : amount;
      expect(invalid).toHaveAttribute('aria-invalid', 'true');
      expect(invalid).toHaveAccessibleDescription(message);
      expect(invalid).toHaveFocus();
      expect(listItems()).toHaveLength(0);
      expect(await (await openDexieStore(idb)).readAfter(0)).toEqual([]);
    },
  );

  it('shows markup in a name as text, never as HTML', async () => {
    const { user, container } = await renderApp();
    await user.click(screen.getByRole('combobox', { name: 'Product' }));
    await user.paste('<img src=x onerror="alert(1)">');
    await user.keyboard('{Enter}');

    expect(
      await screen.findByRole('checkbox', { name: '<img src=x onerror="alert(1)">' }),
    ).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('keeps what was added when the app is opened again', async () => {
    const idb = freshIndexedDB();
    const first = await renderApp(idb);
    await first.user.type(screen.getByRole('combobox', { name: 'Product' }), 'Apples{Enter}');
    await screen.findByRole('checkbox', { name: 'Apples' });
    first.unmount();
    first.basket.dispose();

    await renderApp(idb);
    expect(await screen.findByRole('checkbox', { name: 'Apples' })).toBeInTheDocument();
  });
});

describe('what is typed but not yet added', () => {
  it('comes back after a reload of the tab, and is forgotten once added', async () => {
    const idb = freshIndexedDB();
    const first = await renderApp(idb);
    await first.user.type(screen.getByRole('combobox', { name: 'Product' }), 'Half a thought');
    first.unmount();

    const second = await renderApp(idb);
    const product = screen.getByRole('combobox', { name: 'Product' });
    expect(product).toHaveValue('Half a thought');
    await second.user.type(product, '{Enter}');
    await screen.findByRole('checkbox', { name: 'Half a thought' });
    second.unmount();

    await renderApp(idb);
    expect(screen.getByRole('combobox', { name: 'Product' })).toHaveValue('');
  });
});
