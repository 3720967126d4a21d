import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { freshIndexedDB, renderApp } from '../../test/harness';
import { DEFAULT_STREAM } from '../../events';
import { valid, validUnit } from '../../test/commands';
import { addProducts, shownProducts } from '../../test/people';

type App = Awaited<ReturnType<typeof renderApp>>;

/** Ids as usual, and a clock that moves `days` with each change: weeks of shopping in a test. */
function everyDays(days: number) {
  let now = Date.UTC(2026, 0, 5, 10);
  let id = 0;
  return { now: () => (now += days * 86_400_000), newId: () => `id-${(id += 1)}` };
}

const product = () => screen.getByRole('combobox', { name: 'Product' });
/** Adds, buys and clears each name in turn: one shopping trip. */
async function trip({ user }: App, ...names: string[]) {
  for (const name of names) {
    await user.clear(product());
    await user.type(product(), `${name}{Escape}{Enter}`);
    await screen.findByRole('checkbox', { name });
    await user.click(screen.getByRole('checkbox', { name }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name })).toBeChecked());
  }
  await user.click(screen.getByRole('button', { name: 'Clear bought' }));
  await waitFor(() => expect(shownProducts()).toEqual([]));
}

describe('suggestions while typing', () => {
  it('offer names from the history, best first, taken with the arrow keys and Enter', async () => {
    const app = await renderApp({ ctx: everyDays(1) });
    await trip(app, 'Milk', 'Mild cheddar', 'Oat milk');
    await trip(app, 'Milk');

    await app.user.type(product(), 'mil');
    expect(product()).toHaveAttribute('aria-expanded', 'true');
    const options = within(screen.getByRole('listbox', { name: 'Suggestions' })).getAllByRole(
      'option',
    );
    // Names that start with it first, most bought first; then names with a word that does.
    expect(options.map((o) => o.textContent)).toEqual(['Milk', 'Mild cheddar', 'Oat milk']);

    await app.user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(options[2]).toHaveAttribute('aria-selected', 'true');
    expect(product()).toHaveAttribute('aria-activedescendant', options[2]!.id);
    await app.user.keyboard('{Enter}');
    expect(await screen.findByRole('checkbox', { name: 'Oat milk' })).toBeInTheDocument();
    await waitFor(() => expect(product()).toHaveValue(''));
  });

  it('go away with Escape, and then Enter adds exactly what was typed', async () => {
    const app = await renderApp({ ctx: everyDays(1) });
    await trip(app, 'Milk');
    await app.user.type(product(), 'Mi');
    expect(screen.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
    await app.user.keyboard('{Escape}');
    expect(product()).toHaveAttribute('aria-expanded', 'false');
    await app.user.keyboard('{Enter}');
    expect(await screen.findByRole('checkbox', { name: 'Mi' })).toBeInTheDocument();
  });
});

describe('buy again', () => {
  it('offers the most bought products not on the list, with their rhythm, and one tap adds', async () => {
    const idb = freshIndexedDB();
    const app = await renderApp({ ...idb, ctx: everyDays(3) });
    await trip(app, 'Coffee', 'Bread');
    await trip(app, 'Coffee');
    await trip(app, 'Coffee', 'Bread');

    const offers = screen.getByRole('region', { name: 'Buy again' });
    const coffee = within(offers).getByRole('button', { name: 'Buy Coffee again' });
    expect(coffee).toHaveTextContent(/usually every \d+ days/);
    expect(
      within(offers)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Buy Coffee again', 'Buy Bread again']);

    await app.user.click(coffee);
    expect(await screen.findByRole('checkbox', { name: 'Coffee' })).not.toBeChecked();
    expect(within(offers).queryByRole('button', { name: 'Buy Coffee again' })).toBeNull();
  });

  it('sits below the list, brings back the quantity bought last, and offers only what this list bought', async () => {
    const app = await renderApp({ ctx: everyDays(2) });
    const { basket } = app;
    await basket.dispatch({ type: 'AddProduct', streamId: DEFAULT_STREAM, ...valid('Milk', 6) });
    await app.user.click(await screen.findByRole('checkbox', { name: 'Milk' }));
    await app.user.click(screen.getByRole('button', { name: 'Clear bought' }));
    await addProducts(app.user, 'Bread');

    const offers = screen.getByRole('region', { name: 'Buy again' });
    const list = screen.getByRole('list', { name: 'Shopping list' });
    expect(list.compareDocumentPosition(offers) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const milk = within(offers).getByRole('button', { name: 'Buy Milk again' });
    expect(milk).toHaveTextContent('Milk × 6');
    await app.user.click(milk);
    await screen.findByRole('checkbox', { name: 'Milk' });
    expect([...basket.getState().list.products.values()]).toMatchObject([
      { name: 'Bread', quantity: 1 },
      { name: 'Milk', quantity: 6 },
    ]);
    // What is on the list to buy is never offered.
    expect(screen.queryByRole('region', { name: 'Buy again' })).toBeNull();

    // And the unit it was bought in.
    const flour = { ...valid('Flour', 500), unit: validUnit('g') };
    await basket.dispatch({ type: 'AddProduct', streamId: DEFAULT_STREAM, ...flour });
    await app.user.click(await screen.findByRole('checkbox', { name: 'Flour' }));
    await app.user.click(screen.getByRole('button', { name: 'Clear bought' }));
    const again = await screen.findByRole('button', { name: 'Buy Flour again' });
    expect(again).toHaveTextContent('Flour 500 g');
    await app.user.click(again);
    await screen.findByRole('checkbox', { name: 'Flour' });
    expect(
      [...basket.getState().list.products.values()].find((p) => p.name === 'Flour'),
    ).toMatchObject({ quantity: 500, unit: 'g' });

    await basket.dispatch({ type: 'CreateList', name: valid('Hardware store').name });
    const hardware = [...basket.getState().list.lists.keys()].find((id) => id !== DEFAULT_STREAM)!;
    act(() => basket.selectList(hardware));
    await screen.findByRole('heading', { name: 'Hardware store' });
    expect(screen.queryByRole('region', { name: 'Buy again' })).toBeNull();
  });
});

describe('suggestions and search', () => {
  it('find a Chinese name by any part of it, and agree', async () => {
    const app = await renderApp({ ctx: everyDays(1) });
    await trip(app, '牛奶', '奶酪', '鸡蛋');
    await app.user.type(product(), '奶');
    const options = within(screen.getByRole('listbox', { name: 'Suggestions' })).getAllByRole(
      'option',
    );
    expect(options.map((o) => o.textContent)).toEqual(['奶酪', '牛奶']);

    await app.user.clear(product());
    for (const name of ['牛奶', '鸡蛋']) {
      await app.user.type(product(), `${name}{Escape}{Enter}`);
      await screen.findByRole('checkbox', { name });
      await waitFor(() => expect(product()).toHaveValue(''));
    }
    await app.user.type(screen.getByRole('searchbox', { name: 'Search' }), '奶');
    expect(shownProducts()).toEqual(['牛奶']);
  });
});
