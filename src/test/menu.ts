import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/**
 * The menu, as a person reaches it: pressing "Menu" (in the language shown) unless it is open
 * already. Gives queries inside the sheet, where the rarely used controls live.
 */
export async function openMenu(user: UserEvent, name = 'Menu') {
  if (!screen.queryByRole('dialog', { name })) {
    await user.click(screen.getByRole('button', { name }));
  }
  return within(await screen.findByRole('dialog', { name }));
}
