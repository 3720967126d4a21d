import { useEffect, useId, useState } from 'react';
import { parsePrice } from '../../events';
import { useBasket } from '../../bus';
import type { Product } from '../../model';
import { ProductFields } from '../../ui/ProductFields';
import { useProductForm } from '../../ui/useProductForm';

interface Props {
  product: Product;
  onDone(): void;
}

export function EditProductForm({ product, onDone }: Props) {
  const basket = useBasket();
  const form = useProductForm({ name: product.name, quantity: String(product.quantity) });
  const { nameRef } = form.fields;
  const [price, setPrice] = useState(product.price === null ? '' : String(product.price));
  const [priceError, setPriceError] = useState<string | null>(null);
  const priceId = useId();

  useEffect(() => {
    nameRef.current?.focus();
    nameRef.current?.select();
  }, [nameRef]);

  return (
    <form
      className="edit-product"
      aria-label={`Edit ${product.name}`}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
      onSubmit={(event) =>
        void form.submit(event, async (input) => {
          const parsed = parsePrice(price);
          if (!parsed.ok) {
            setPriceError(parsed.message);
            document.getElementById(priceId)?.focus();
            return false;
          }
          setPriceError(null);
          const outcome = await basket.dispatch({
            type: 'EditProduct',
            productId: product.productId,
            ...input,
            price: parsed.value,
          });
          if (outcome.ok) onDone();
          return outcome.ok;
        })
      }
    >
      <ProductFields nameLabel="Name" {...form.fields} />
      <div className="field field-price">
        <label htmlFor={priceId}>Price</label>
        <input
          id={priceId}
          type="number"
          inputMode="decimal"
          min={0}
          step="0.01"
          placeholder="each"
          value={price}
          onChange={(e) => {
            setPrice(e.target.value);
            setPriceError(null);
          }}
          aria-invalid={priceError ? true : undefined}
          aria-describedby={priceError ? `${priceId}-error` : undefined}
        />
        {priceError && (
          <p id={`${priceId}-error`} className="field-error" role="alert">
            {priceError}
          </p>
        )}
      </div>
      <div className="edit-actions">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
