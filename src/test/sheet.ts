import { act, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import { LINGER_MS } from '../features/shopping-list/useLingering';

/** Taps a product's Edit button and waits for its sheet: queries within it. */
export async function openSheet(user: UserEvent, name: string) {
  await user.click(screen.getByRole('button', { name: `Edit ${name}` }));
  return within(await screen.findByRole('dialog', { name: `Edit ${name}` }));
}

/**
 * A clock the test moves on (`aMomentLater`) while everything else (the store, typing) keeps
 * real time. Call `vi.useRealTimers()` after.
 */
export const movableClock = () =>
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });

/** As long as a product checked off here stays in its place (see `useLingering`). */
export const aMomentLater = () => act(() => vi.advanceTimersByTime(LINGER_MS));
