import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/harness';
import { openMenu } from '../../test/menu';

const family = '👨\u200D👩\u200D👧\u200D👦';
const picker = () => screen.getByRole('combobox', { name: 'List' });
const options = () =>
  within(picker())
    .getAllByRole('option')
    .map((o) => o.textContent);

/** Opens "New list", pastes `name` into "List name" and presses Enter. */
async function nameNewList(user: Awaited<ReturnType<typeof renderApp>>['user'], name: string) {
  await user.click((await openMenu(user)).getByRole('button', { name: 'New list' }));
  await user.click(screen.getByRole('textbox', { name: 'List name' }));
  await user.paste(name);
  await user.keyboard('{Enter}');
}

describe("a list's name is taken whole, as a person sees it", () => {
  it('makes a list named with 150 family emoji, each one character to the eye', async () => {
    const { user } = await renderApp();
    await nameNewList(user, family.repeat(150));

    await waitFor(() => expect(picker()).toHaveDisplayValue(family.repeat(150)));
    expect(options()).toEqual(['Shopping list', family.repeat(150)]);
  });

  it('refuses 201 flags as too long and keeps all of them in the field', async () => {
    const { user } = await renderApp();
    await nameNewList(user, '🇩🇪'.repeat(201));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Keep the list's name to 200 characters or fewer.",
    );
    expect(screen.getByRole('textbox', { name: 'List name' })).toHaveValue('🇩🇪'.repeat(201));
    expect(options()).toEqual(['Shopping list']);
  });

  it('calls a name of zero-width spaces blank', async () => {
    const { user } = await renderApp();
    await nameNewList(user, '\u200B\u2060\uFEFF');

    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a name for the list.');
    expect(screen.getByRole('textbox', { name: 'List name' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(options()).toEqual(['Shopping list']);
  });
});
