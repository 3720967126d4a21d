import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Types each name into the Product field and presses Enter, waiting until it is on the list. */
export async function addProducts(user: UserEvent, ...names: string[]) {
  for (const name of names) {
    await user.type(screen.getByRole('combobox', { name: 'Product' }), `${name}{Enter}`);
    await screen.findByRole('checkbox', { name });
  }
}

/** What the shopping list shows, in order: each product's name, with ✓ when it is bought. */
export function shownProducts(): string[] {
  return within(screen.getByRole('list', { name: 'Shopping list' }))
    .queryAllByRole('checkbox')
    .map((box) => {
      const input = box as HTMLInputElement;
      return `${input.labels?.[0]?.textContent ?? ''}${input.checked ? ' ✓' : ''}`;
    });
}
