import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openDexieStore } from '../store';
import { freshIndexedDB, renderApp } from '../test/harness';
import { addProducts, shownProducts } from '../test/people';

const family = '👨\u200D👩\u200D👧\u200D👦';
const product = () => screen.getByRole('combobox', { name: 'Product' });

/** Pastes `name` into the Product field, as a person pastes from a message, and presses Add. */
async function pasteAndAdd(user: Awaited<ReturnType<typeof renderApp>>['user'], name: string) {
  await user.click(product());
  await user.paste(name);
  await user.click(screen.getByRole('button', { name: 'Add' }));
}

describe('a name is taken whole, as a person sees it', () => {
  it('refuses 250 apples pasted at once as too long, and keeps every one of them in the field', async () => {
    const idb = freshIndexedDB();
    const { user } = await renderApp(idb);
    await pasteAndAdd(user, '🍎'.repeat(250));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Keep the name to 200 characters or fewer.',
    );
    expect(product()).toHaveValue('🍎'.repeat(250));
    expect(shownProducts()).toEqual([]);
    expect(await (await openDexieStore(idb)).readAfter(0)).toEqual([]);
  });

  it('adds a name of 150 family emoji, each one character to the eye, whole', async () => {
    const { user } = await renderApp();
    await pasteAndAdd(user, family.repeat(150));

    expect(await screen.findByRole('checkbox', { name: family.repeat(150) })).toBeInTheDocument();
  });

  it('calls a name of zero-width spaces and Hangul fillers blank', async () => {
    const { user } = await renderApp();
    await pasteAndAdd(user, '\u200B\u200B\u3164');

    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a product name.');
    expect(shownProducts()).toEqual([]);
  });

  it('knows Milk with a zero-width space, full-width Ｍｉｌｋ and M·ilk with a soft hyphen as the Milk on the list', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Milk');
    await pasteAndAdd(user, 'Milk\u200B');
    expect(await screen.findByText('Milk is now × 2.')).toBeInTheDocument();
    await pasteAndAdd(user, 'Ｍｉｌｋ');
    expect(await screen.findByText('Milk is now × 3.')).toBeInTheDocument();
    await pasteAndAdd(user, 'M\u00ADilk');
    expect(await screen.findByText('Milk is now × 4.')).toBeInTheDocument();

    expect(shownProducts()).toEqual(['Milk']);
  });

  it('refuses a rename to 250 apples whole, in the edit form too', async () => {
    const { user } = await renderApp();
    await addProducts(user, 'Tea');
    await user.click(screen.getByRole('button', { name: 'Edit Tea' }));
    const item = await screen.findByRole('dialog', { name: 'Edit Tea' });
    const name = within(item).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.click(name);
    await user.paste('🍎'.repeat(250));
    await user.click(within(item).getByRole('button', { name: 'Save' }));

    expect(await within(item).findByRole('alert')).toHaveTextContent(
      'Keep the name to 200 characters or fewer.',
    );
    expect(name).toHaveValue('🍎'.repeat(250));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(shownProducts()).toEqual(['Tea']));
  });
});
