import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../../events';
import { openDexieStore } from '../../store';
import { freshIndexedDB, renderApp } from '../../test/harness';

describe('the Product field reads a quantity and unit typed with the name', () => {
  it('says what it will add before Enter, then adds that and stores the unit', async () => {
    const idb = freshIndexedDB();
    const { user } = await renderApp(idb);
    const product = screen.getByRole('combobox', { name: 'Product' });
    await user.type(product, '500 g flour');
    // Seen under the field, and heard with it.
    expect(screen.getByText('Adds flour 500 g')).toBeInTheDocument();
    expect(product).toHaveAccessibleDescription('Adds flour 500 g');
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('checkbox', { name: 'flour' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Added flour 500 g.');
    await waitFor(() => expect(product).toHaveValue(''));
    const store = await openDexieStore(idb);
    const events = await store.readAfter(0);
    expect(events.find((e) => e.type === 'ProductAdded')?.payload).toMatchObject({
      name: 'flour',
      quantity: 500,
      unit: 'g',
    });
    expect(events[0]?.streamId).toBe(DEFAULT_STREAM);
    store.close();
  });

  it('takes "milk x2" as two of milk, and a re-add in the same words says the new amount', async () => {
    const { user } = await renderApp();
    const product = screen.getByRole('combobox', { name: 'Product' });
    await user.type(product, 'Milk x2{Enter}');
    expect(await screen.findByRole('checkbox', { name: 'Milk' })).toBeInTheDocument();
    await waitFor(() => expect(product).toHaveValue(''));
    await user.type(product, '3 milk{Enter}');
    expect(await screen.findByText('Milk is now × 5.')).toBeInTheDocument();
  });

  it('leaves a number that belongs to the name in the name', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Vitamin B12');
    expect(screen.queryByText(/^Adds /)).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('checkbox', { name: 'Vitamin B12' })).toBeInTheDocument();
  });

  it('refuses a quantity typed in the name that no list could hold, and keeps the text', async () => {
    const { user } = await renderApp();
    const product = screen.getByRole('combobox', { name: 'Product' });
    await user.type(product, '20000 rice{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/9,999/);
    expect(product).toHaveValue('20000 rice');
    expect(screen.queryByRole('checkbox', { name: 'rice' })).not.toBeInTheDocument();
  });
});

describe('the quantity stepper', () => {
  it('steps up and down, never below 1, and a focused quantity is replaced by what is typed', async () => {
    const { user } = await renderApp();
    const quantity = screen.getByRole('spinbutton', { name: 'Quantity' });
    const less = screen.getByRole('button', { name: 'Decrease quantity' });
    expect(less).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Increase quantity' }));
    await user.click(screen.getByRole('button', { name: 'Increase quantity' }));
    expect(quantity).toHaveValue(3);
    await user.click(less);
    expect(quantity).toHaveValue(2);

    await user.click(quantity);
    await user.keyboard('6');
    expect(quantity).toHaveValue(6);
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Eggs{Enter}');
    expect(await screen.findByText('Added Eggs × 6.')).toBeInTheDocument();
  });
});
