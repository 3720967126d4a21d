import { useMemo, type ReactNode } from 'react';
import { DEFAULT_STREAM, type Category } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { openLists, shoppingView, type Product } from '../../model';
import { useI18n } from '../../i18n';
import { VirtualList } from '../../ui/VirtualList';
import { shownListName } from '../../ui/list-name';
import { ProductRow } from './ProductRow';
import { ShareButton } from './ShareButton';

/** A product on screen, and the heading of its aisle when it is the first in it. */
interface Row {
  readonly product: Product;
  readonly heading?: { readonly category: Category | 'bought'; readonly count: number };
}

/** `tools`: more buttons for the list's toolbar, from features of their own (Reorder). */
export function ShoppingList({ tools }: { tools?: ReactNode }) {
  const basket = useBasket();
  const i18n = useI18n();
  const { t, n } = i18n;
  const list = useBasketState((s) => s.list);
  const search = useBasketState((s) => s.search);
  const streamId = useBasketState((s) => s.currentList);
  const view = useMemo(() => shoppingView(list, streamId, search), [list, streamId, search]);
  const rows = useMemo(() => {
    const out: Row[] = [];
    for (const { category, products } of view.aisles) {
      products.forEach((product, i) =>
        out.push(
          i === 0 ? { product, heading: { category, count: products.length } } : { product },
        ),
      );
    }
    view.bought.forEach((product, i) =>
      out.push(
        i === 0
          ? { product, heading: { category: 'bought', count: view.bought.length } }
          : { product },
      ),
    );
    return out;
  }, [view]);
  const shown = useMemo(() => view.aisles.map((a) => a.category), [view]);
  const boughtCount = view.total - view.remaining;
  const info = useMemo(
    () => openLists(list.lists, list.versions, DEFAULT_STREAM).find((l) => l.streamId === streamId),
    [list, streamId],
  );
  const name = info ? shownListName(info, i18n) : t('shoppingList');

  function move(category: Category, direction: 'up' | 'down') {
    void basket.dispatch({ type: 'MoveAisle', streamId, category, direction });
  }

  let summary: string;
  if (view.total === 0) summary = t('nothingYet');
  else if (view.remaining === 0) summary = t('allBought', { total: view.total });
  else summary = t('left', { remaining: view.remaining, total: view.total });

  return (
    <section className="shopping-list" aria-labelledby="list-heading">
      <div className="list-header">
        <h2 id="list-heading">{name}</h2>
        <p className="summary">
          {summary}
          {view.priced > 0 && (
            <span className="totals">
              {' · '}
              {t('totals', { toBuy: view.toBuyTotal, all: view.allTotal })}
            </span>
          )}
        </p>
        {tools}
        <ShareButton title={name} toBuy={view.toBuy} />
        <button
          type="button"
          disabled={boughtCount === 0}
          onClick={() => void basket.dispatch({ type: 'ClearCheckedProducts', streamId })}
        >
          {t('clearBought')}
        </button>
      </div>
      {view.total === 0 && <p className="empty">{t('emptyList')}</p>}
      {view.total > 0 && rows.length === 0 && (
        <p className="empty">{t('noMatch', { text: search.trim() })}</p>
      )}
      <VirtualList
        items={rows}
        label={t('shoppingList')}
        className="products"
        itemKey={(row) => row.product.productId}
        estimateSize={(row) => (row.heading ? 100 : 52)}
      >
        {({ product, heading }) => (
          <>
            {heading && (
              <div className="aisle-heading">
                <h3>
                  {heading.category === 'bought' ? t('bought') : i18n.category(heading.category)}
                  <span className="aisle-count"> · {n(heading.count)}</span>
                </h3>
                {heading.category !== 'bought' && (
                  <AisleButtons
                    category={heading.category}
                    first={shown[0] === heading.category}
                    last={shown.at(-1) === heading.category}
                    onMove={move}
                  />
                )}
              </div>
            )}
            <ProductRow product={product} />
          </>
        )}
      </VirtualList>
    </section>
  );
}

interface AisleButtonsProps {
  category: Category;
  first: boolean;
  last: boolean;
  onMove(category: Category, direction: 'up' | 'down'): void;
}

/** Moves an aisle one place along the person's walk through the shop. */
function AisleButtons({ category, first, last, onMove }: AisleButtonsProps) {
  const { t } = useI18n();
  if (first && last) return null;
  return (
    <div className="aisle-moves">
      <button
        type="button"
        className="quiet"
        aria-label={t('aisleMoveUp', { category })}
        disabled={first}
        onClick={() => onMove(category, 'up')}
      >
        ↑
      </button>
      <button
        type="button"
        className="quiet"
        aria-label={t('aisleMoveDown', { category })}
        disabled={last}
        onClick={() => onMove(category, 'down')}
      >
        ↓
      </button>
    </div>
  );
}
