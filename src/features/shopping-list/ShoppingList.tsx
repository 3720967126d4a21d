import { useMemo } from 'react';
import { DEFAULT_STREAM } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { openLists, shoppingView } from '../../model';
import { money } from './money';
import { ProductRow } from './ProductRow';
import { ShareButton } from './ShareButton';
import { VirtualList } from '../../ui/VirtualList';

export function ShoppingList() {
  const basket = useBasket();
  const list = useBasketState((s) => s.list);
  const search = useBasketState((s) => s.search);
  const streamId = useBasketState((s) => s.currentList);
  const view = useMemo(() => shoppingView(list, streamId, search), [list, streamId, search]);
  const rows = useMemo(() => [...view.toBuy, ...view.bought], [view]);
  const boughtCount = view.total - view.remaining;
  const name = useMemo(
    () =>
      openLists(list.lists, list.versions, DEFAULT_STREAM).find((l) => l.streamId === streamId)
        ?.name,
    [list, streamId],
  );

  return (
    <section className="shopping-list" aria-labelledby="list-heading">
      <div className="list-header">
        <h2 id="list-heading">{name ?? 'Shopping list'}</h2>
        <p className="summary">
          {summary(view.total, view.remaining)}
          {view.priced > 0 && (
            <span className="totals">
              {' · '}
              {money(view.toBuyTotal)} to buy, {money(view.allTotal)} in all
            </span>
          )}
        </p>
        <ShareButton toBuy={view.toBuy} />
        <button
          type="button"
          disabled={boughtCount === 0}
          onClick={() => void basket.dispatch({ type: 'ClearCheckedProducts', streamId })}
        >
          Clear bought
        </button>
      </div>
      {view.total === 0 && (
        <p className="empty">Your list is empty. Type a product above and press Add.</p>
      )}
      {view.total > 0 && rows.length === 0 && (
        <p className="empty">Nothing matches “{search.trim()}”.</p>
      )}
      <VirtualList
        items={rows}
        label="Shopping list"
        className="products"
        itemKey={(product) => product.productId}
        estimateSize={() => 52}
      >
        {(product) => <ProductRow product={product} />}
      </VirtualList>
    </section>
  );
}

function summary(total: number, remaining: number): string {
  const n = (count: number) => count.toLocaleString();
  if (total === 0) return 'Nothing to buy yet.';
  if (remaining === 0) return `All ${n(total)} bought.`;
  return `${n(remaining)} of ${n(total)} left to buy`;
}
