import { memo, useRef, useState } from 'react';
import { useBasket } from '../../bus';
import type { Product } from '../../model';
import { EditProductForm } from './EditProductForm';
import { money } from './money';

export const ProductRow = memo(function ProductRow({ product }: { product: Product }) {
  const basket = useBasket();
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
      {price !== null && <span className="price">{money(price)} each</span>}
      <button
        ref={editButton}
        type="button"
        className="quiet"
        aria-label={`Edit ${name}`}
        onClick={() => setEditing(true)}
      >
        Edit
      </button>
      <button
        type="button"
        className="quiet danger"
        aria-label={`Delete ${name}`}
        onClick={() => void basket.dispatch({ type: 'RemoveProduct', productId })}
      >
        Delete
      </button>
    </div>
  );
});
