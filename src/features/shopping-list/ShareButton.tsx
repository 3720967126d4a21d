import { useBasket } from '../../bus';
import type { Product } from '../../model';
import { listAsText } from './share';

/** Hands the products still to buy to another app (Web Share), or copies them as text. */
export function ShareButton({ toBuy }: { toBuy: readonly Product[] }) {
  const basket = useBasket();

  async function share() {
    const text = listAsText(toBuy);
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: 'Shopping list', text });
        return;
      } catch (error) {
        // Closing the share sheet is a choice, not a failure.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(text);
      basket.announce('status', 'Copied the list to the clipboard.');
    } catch (error) {
      basket.announce('alert', `The list could not be shared or copied: ${String(error)}`);
    }
  }

  return (
    <button type="button" disabled={toBuy.length === 0} onClick={() => void share()}>
      Share list
    </button>
  );
}
