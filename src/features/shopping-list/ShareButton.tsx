import { Share2 } from 'lucide-react';
import { useBasket } from '../../bus';
import type { Product } from '../../model';
import { listAsText } from './share';
import { says } from '../../events/sentence';
import { useI18n } from '../../i18n';

/** Hands the products still to buy to another app (Web Share), or copies them as text. */
/** `toBuy` may hold a product just checked off that still shows in its aisle: it is not shared. */
export function ShareButton({ title, toBuy }: { title: string; toBuy: readonly Product[] }) {
  const basket = useBasket();
  const { t } = useI18n();

  async function share() {
    const text = listAsText(
      title,
      toBuy.filter((p) => !p.checked),
    );
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, text });
        return;
      } catch (error) {
        // Closing the share sheet is a choice, not a failure.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(text);
      basket.announce('status', says('copied'));
    } catch (error) {
      basket.announce('alert', says('shareFailed', { detail: String(error) }));
    }
  }

  return (
    <button
      type="button"
      className="quiet icon"
      aria-label={t('shareList')}
      title={t('shareList')}
      disabled={!toBuy.some((p) => !p.checked)}
      onClick={() => void share()}
    >
      <Share2 aria-hidden="true" size={22} />
    </button>
  );
}
