import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_STREAM } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { shoppingView } from '../../model';
import { money } from './money';
import { ProductRow } from './ProductRow';
import { ShareButton } from './ShareButton';

const ROW_ESTIMATE = 52;

export function ShoppingList() {
  const basket = useBasket();
  const list = useBasketState((s) => s.list);
  const search = useBasketState((s) => s.search);
  const view = useMemo(() => shoppingView(list, DEFAULT_STREAM, search), [list, search]);
  const rows = useMemo(() => [...view.toBuy, ...view.bought], [view]);
  const boughtCount = view.total - view.remaining;

  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    setScrollMargin(listRef.current?.offsetTop ?? 0);
  }, [view.total]);

  // Only the rows near the viewport are in the DOM, so 10,000 products mount like 100.
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
    scrollMargin,
    getItemKey: (index) => rows[index]?.productId ?? index,
  });

  return (
    <section className="shopping-list" aria-labelledby="list-heading">
      <div className="list-header">
        <h2 id="list-heading">Shopping list</h2>
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
          onClick={() =>
            void basket.dispatch({ type: 'ClearCheckedProducts', streamId: DEFAULT_STREAM })
          }
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
      <ul
        ref={listRef}
        aria-label="Shopping list"
        className="products"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const product = rows[item.index]!;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
            >
              <ProductRow product={product} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function summary(total: number, remaining: number): string {
  const n = (count: number) => count.toLocaleString();
  if (total === 0) return 'Nothing to buy yet.';
  if (remaining === 0) return `All ${n(total)} bought.`;
  return `${n(remaining)} of ${n(total)} left to buy`;
}
