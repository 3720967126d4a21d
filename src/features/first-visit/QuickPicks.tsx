import Plus from 'lucide-react/icons/plus';
import { useId } from 'react';
import { nameKey, parseName, parseQuantity } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import type { Product, Purchase } from '../../model';
import { useI18n } from '../../i18n';

/** Past this many names added, with nothing ever bought, the person knows their way. */
const NEW_UNTIL = 12;

/** Nothing bought yet, on any list, and little added: a short history, so this costs little. */
function newcomer(purchases: ReadonlyMap<string, Purchase>): boolean {
  if (purchases.size >= NEW_UNTIL) return false;
  for (const purchase of purchases.values()) if (purchase.bought.length > 0) return false;
  return true;
}

function onList(products: ReadonlyMap<string, Product>, streamId: string, key: string): boolean {
  for (const p of products.values()) {
    if (p.streamId === streamId && !p.checked && p.key === key) return true;
  }
  return false;
}

/**
 * A handful of common products in the person's language, one tap each, for someone who has not
 * bought anything yet: below the list, so on a first visit right under "Your list is empty".
 * Once they have bought something, Buy again offers their own. What is on the list already is
 * left out, so the picks stay useful tap after tap.
 */
export function QuickPicks() {
  const basket = useBasket();
  const purchases = useBasketState((s) => s.list.purchases);
  const products = useBasketState((s) => s.list.products);
  const streamId = useBasketState((s) => s.currentList);
  const headingId = useId();
  const { t } = useI18n();
  const picks = newcomer(purchases)
    ? t('quickPickNames')
        .split('|')
        .filter((name) => !onList(products, streamId, nameKey(name)))
    : [];

  if (picks.length === 0) return null;
  return (
    <section className="quick-picks" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('quickPicks')}</h2>
      <ul role="list">
        {picks.map((pick) => (
          <li key={pick}>
            <button
              type="button"
              aria-label={t('quickPick', { name: pick })}
              onClick={() => {
                const name = parseName(pick);
                const one = parseQuantity(1);
                if (name.ok && one.ok) {
                  void basket.dispatch({
                    type: 'AddProduct',
                    streamId,
                    name: name.value,
                    quantity: one.value,
                  });
                }
              }}
            >
              <Plus aria-hidden="true" size={16} />
              {pick}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
