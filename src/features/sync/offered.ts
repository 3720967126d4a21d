let taken: { link: string | undefined } | null = null;

/**
 * The invite link Basket was opened with (`…/#join=…`), read once and at once removed from the
 * address bar (history.replaceState), so the household's secrets are not left in the history,
 * a bookmark or a shared address. The link is checked later, by the Sync panel.
 */
export function offeredInvite(): string | undefined {
  if (taken) return taken.link;
  taken = { link: undefined };
  if (typeof location === 'undefined' || !location.hash.startsWith('#join=')) return undefined;
  taken.link = location.hash;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return taken.link;
}

/** Tests open Basket at a new address. */
export function forgetOffered(): void {
  taken = null;
}
