import { lazy, Suspense, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { ListX } from 'lucide-react';
import { DEFAULT_STREAM, type Category, type ProductId } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { openLists, productOf, shoppingView, type Product } from '../../model';
import { useI18n } from '../../i18n';
import { VirtualList } from '../../ui/VirtualList';
import { shownListName } from '../../ui/list-name';
import { editButtonId, ProductRow } from './ProductRow';
import { ShareButton } from './ShareButton';
import { useLingering } from './useLingering';

// Opened now and then, so not part of the first load.
const EditSheet = lazy(() => import('./EditSheet'));

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
  const { lingering, checkedHere, uncheckedHere } = useLingering();
  // One pass over the list per change: where each product shows (one just checked off here
  // stays in its aisle for a moment), and the counts.
  const view = useMemo(
    () => shoppingView(list, streamId, search, lingering),
    [list, streamId, search, lingering],
  );
  const rows = useMemo(() => {
    const out: Row[] = [];
    for (const { category, products } of view.aisles) {
      products.forEach((product, i) => {
        out.push(
          i === 0 ? { product, heading: { category, count: products.length } } : { product },
        );
      });
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

  const toggle = useCallback(
    (product: Product) => {
      const { productId, checked } = product;
      if (checked) uncheckedHere(productId);
      else checkedHere(productId);
      void basket.dispatch({ type: checked ? 'UncheckProduct' : 'CheckProduct', productId });
    },
    [basket, checkedHere, uncheckedHere],
  );

  const [editing, setEditing] = useState<ProductId | null>(null);
  const edited = editing === null ? undefined : productOf(list, editing);
  const edit = useCallback((product: Product) => setEditing(product.productId), []);
  const heading = useRef<HTMLHeadingElement>(null);
  // When the sheet closes, focus goes back to the row's Edit button, or to the list if deleted.
  const closeSheet = useCallback(() => {
    const id = editing;
    setEditing(null);
    requestAnimationFrame(() => {
      // The person may have moved on already (tapped the add field): focus stays where they went.
      const now = document.activeElement;
      if (now && now !== document.body) return;
      const button = id === null ? null : document.getElementById(editButtonId({ productId: id }));
      (button ?? heading.current)?.focus();
    });
  }, [editing]);
  // Deleted meanwhile (here or in another tab): the sheet goes, and does not come back with an undo.
  if (editing !== null && !edited) setEditing(null);
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
        <h2 id="list-heading" className="visually-hidden" ref={heading} tabIndex={-1}>
          {name}
        </h2>
        <p className="summary">
          {summary}
          {view.priced > 0 && (
            <span className="totals">
              {' · '}
              {t('totals', { toBuy: view.toBuyTotal, all: view.allTotal })}
            </span>
          )}
        </p>
        {/* Nothing on the list, nothing to share, clear or order: no row of greyed-out tools. */}
        {view.total > 0 && (
          <div className="list-tools">
            {tools}
            <ShareButton title={name} toBuy={view.toBuy} />
            <button
              type="button"
              className="quiet icon"
              aria-label={t('clearBought')}
              title={t('clearBought')}
              disabled={boughtCount === 0}
              onClick={() => void basket.dispatch({ type: 'ClearCheckedProducts', streamId })}
            >
              <ListX aria-hidden="true" size={22} />
            </button>
          </div>
        )}
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
            <ProductRow product={product} onToggle={toggle} onEdit={edit} />
          </>
        )}
      </VirtualList>
      {edited && (
        <Suspense fallback={null}>
          <EditSheet product={edited} onClose={closeSheet} />
        </Suspense>
      )}
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
