import { memo, useRef, useState } from 'react';
import { useBasket } from '../../bus';
import type { Product } from '../../model';
import { EditProductForm } from './EditProductForm';
import { useI18n } from '../../i18n';

export const ProductRow = memo(function ProductRow({ product }: { product: Product }) {
  const basket = useBasket();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const { productId, name, quantity, checked, price } = product;
  const checkboxId = `product-${productId}`;

  if (editing) {
    return (
      <EditProductForm
        product={product}
        onDone={() => {
          setEditing(false);
          requestAnimationFrame(() => editButton.current?.focus());
        }}
      />
    );
  }

  return (
    <div className={checked ? 'product bought' : 'product'}>
      <input
        id={checkboxId}
        type="checkbox"
        checked={checked}
        onChange={(e) =>
          void basket.dispatch({
            type: e.target.checked ? 'CheckProduct' : 'UncheckProduct',
            productId,
          })
        }
      />
      <label htmlFor={checkboxId} className="product-name">
        {name}
      </label>
      {quantity !== 1 && <span className="quantity">× {quantity}</span>}
      {price !== null && <span className="price">{t('each', { price })}</span>}
      <button
        ref={editButton}
        type="button"
        className="quiet"
        aria-label={t('editNamed', { name })}
        onClick={() => setEditing(true)}
      >
        {t('edit')}
      </button>
      <button
        type="button"
        className="quiet danger"
        aria-label={t('deleteNamed', { name })}
        onClick={() => void basket.dispatch({ type: 'RemoveProduct', productId })}
      >
        {t('delete')}
      </button>
    </div>
  );
});
