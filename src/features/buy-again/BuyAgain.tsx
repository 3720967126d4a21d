import { useId, useMemo } from 'react';
import { parseName, parseQuantity } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { buyAgain, rhythmOf } from '../../model';
import { useI18n } from '../../i18n';

/** The products most often bought that are not on the list now: one tap puts one back. */
export function BuyAgain() {
  const basket = useBasket();
  const purchases = useBasketState((s) => s.list.purchases);
  const products = useBasketState((s) => s.list.products);
  const streamId = useBasketState((s) => s.currentList);
  const headingId = useId();
  const { t } = useI18n();
  const offers = useMemo(() => {
    const onList = new Set(
      [...products.values()].filter((p) => !p.checked && p.streamId === streamId).map((p) => p.key),
    );
    return buyAgain(purchases, onList);
  }, [purchases, products, streamId]);

  if (offers.length === 0) return null;
  return (
    <section className="buy-again" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('buyAgain')}</h2>
      <ul>
        {offers.map((purchase) => {
          const rhythm = rhythmOf(purchase);
          const name = parseName(purchase.name);
          const one = parseQuantity(1);
          if (!name.ok || !one.ok) return null;
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
                    quantity: one.value,
                  })
                }
              >
                + {purchase.name}
                {rhythm && <span className="rhythm">{t('rhythm', { days: rhythm })}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
