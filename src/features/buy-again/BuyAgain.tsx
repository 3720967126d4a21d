import Plus from 'lucide-react/icons/plus';
import { useId, useMemo } from 'react';
import { parseName, parseQuantity, parseUnit } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { buyAgain, rhythmOf, sameName } from '../../model';
import { useI18n } from '../../i18n';

/**
 * What was bought on this list before and is not on it now, most often bought first: one tap puts
 * it back with the quantity bought last time. Shown below the list, so it never pushes it down.
 */
export function BuyAgain() {
  const basket = useBasket();
  const purchases = useBasketState((s) => s.list.purchases);
  const products = useBasketState((s) => s.list.products);
  const streamId = useBasketState((s) => s.currentList);
  const headingId = useId();
  const { t } = useI18n();
  const offers = useMemo(() => {
    // Still to buy here, asked of the name index rather than by reading every product.
    const onList = {
      has: (key: string) => sameName(products, streamId, key)?.checked === false,
    };
    return buyAgain(purchases, streamId, onList);
  }, [purchases, products, streamId]);

  if (offers.length === 0) return null;
  return (
    <section className="buy-again" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('buyAgain')}</h2>
      <ul role="list">
        {offers.map(({ purchase, quantity, unit }) => {
          const rhythm = rhythmOf(purchase);
          const name = parseName(purchase.name);
          const amount = parseQuantity(quantity);
          const measure = parseUnit(unit ?? '');
          if (!name.ok || !amount.ok || !measure.ok) return null;
          return (
            <li key={purchase.key}>
              <button
                type="button"
                aria-label={t('buyNamedAgain', { name: purchase.name })}
                onClick={() =>
                  void basket.dispatch({
                    type: 'AddProduct',
                    streamId,
                    name: name.value,
                    quantity: amount.value,
                    unit: measure.value,
                  })
                }
              >
                <span className="offer-name">
                  <Plus aria-hidden="true" size={16} />
                  {purchase.name}
                  {(quantity !== 1 || unit) && (
                    <span className="amount"> {t('amount', { quantity, unit })}</span>
                  )}
                </span>
                {rhythm && <span className="rhythm">{t('rhythm', { days: rhythm })}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
