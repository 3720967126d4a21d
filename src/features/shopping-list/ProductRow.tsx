import { memo, type MouseEvent } from 'react';
import { Pencil } from 'lucide-react';
import type { Product } from '../../model';
import { useI18n } from '../../i18n';

interface Props {
  product: Product;
  onToggle(product: Product): void;
  onEdit(product: Product): void;
}

/** The id of a product's Edit button: where focus goes back to when its sheet closes. */
export const editButtonId = (product: Pick<Product, 'productId'>) => `edit-${product.productId}`;

/** A tap on a row's own control (its box, name, buttons) is that control's, not the row's. */
const onControl = (target: EventTarget) =>
  target instanceof Element && target.closest('button, input, label, select, a') !== null;

/**
 * One product, for a thumb: a tap anywhere on the row checks it off (or on again); its checkbox,
 * named by the product alone (the note and amount are beside it), does the same by keyboard. The one other control is Edit, whose sheet
 * holds Delete. Controls go in `.product-controls`, so another (a drag handle) is one more child.
 */
export const ProductRow = memo(function ProductRow({ product, onToggle, onEdit }: Props) {
  const { t, n } = useI18n();
  const { productId, name, quantity, unit, note, checked, price } = product;
  const checkboxId = `product-${productId}`;

  return (
    <div
      className={checked ? 'product bought' : 'product'}
      onClick={(e: MouseEvent) => {
        if (!onControl(e.target)) onToggle(product);
      }}
    >
      <input id={checkboxId} type="checkbox" checked={checked} onChange={() => onToggle(product)} />
      <div className="product-text">
        <label htmlFor={checkboxId} className="product-name">
          {name}
        </label>
        {note && <span className="product-note">{note}</span>}
      </div>
      {unit ? (
        <span className="quantity">
          {n(quantity)} {unit}
        </span>
      ) : (
        quantity !== 1 && <span className="quantity">× {quantity}</span>
      )}
      {price !== null && <span className="price">{t('each', { price })}</span>}
      <div className="product-controls">
        <button
          id={editButtonId(product)}
          type="button"
          className="quiet icon"
          aria-label={t('editNamed', { name })}
          title={t('editNamed', { name })}
          onClick={() => onEdit(product)}
        >
          <Pencil aria-hidden="true" size={20} />
        </button>
      </div>
    </div>
  );
});
