import { useEffect } from 'react';
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
          const outcome = await basket.dispatch({
            type: 'EditProduct',
            productId: product.productId,
            ...input,
          });
          if (outcome.ok) onDone();
          return outcome.ok;
        })
      }
    >
      <ProductFields nameLabel="Name" {...form.fields} />
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
