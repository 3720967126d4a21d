import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/harness';

async function listWith(...names: string[]) {
  const app = await renderApp();
  const product = screen.getByRole('combobox', { name: 'Product' });
  for (const name of names) {
    await app.user.type(product, `${name}{Enter}`);
    await screen.findByRole('checkbox', { name });
    await waitFor(() => expect(product).toHaveValue(''));
  }
  return app;
}

describe('the Reorder sheet', () => {
  it('shows each aisle and its products with a handle named for what it drags', async () => {
    const { user } = await listWith('Milk', 'Butter', 'Apples');
    await user.click(screen.getByRole('button', { name: 'Reorder' }));
    const sheet = await screen.findByRole('dialog', { name: 'Put the list in your order' });
    const aisles = within(sheet).getByRole('list', { name: 'Aisles' });
    expect(
      within(aisles)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Fruit & vegetables', 'Dairy & eggs']);
    const dairy = within(sheet).getByRole('list', { name: 'Dairy & eggs' });
    expect(
      within(dairy)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Butter', 'Milk']);
    for (const name of ['Fruit & vegetables', 'Dairy & eggs', 'Butter', 'Milk', 'Apples']) {
      expect(within(sheet).getByRole('button', { name: `Drag ${name}` })).toBeInTheDocument();
    }
    // The first handle has focus, and the keyboard way to drag is described to it.
    const first = within(sheet).getByRole('button', { name: 'Drag Fruit & vegetables' });
    expect(first).toHaveFocus();
    await waitFor(() => expect(first).toHaveAccessibleDescription(/press Space or Enter/));
  });

  it('closes with Escape or Done, giving focus back to Reorder', async () => {
    const { user } = await listWith('Milk');
    const reorder = screen.getByRole('button', { name: 'Reorder' });
    await user.click(reorder);
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(reorder).toHaveFocus();
    await user.click(reorder);
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(reorder).toHaveFocus();
  });

  it('is not offered while nothing is left to buy', async () => {
    const { user } = await listWith('Milk');
    await user.click(screen.getByRole('checkbox', { name: 'Milk' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reorder' })).toBeDisabled());
  });
});
