import { useEffect } from 'react';
import { DEFAULT_STREAM } from '../../events';
import { useBasket } from '../../bus';
import { ProductFields } from '../../ui/ProductFields';
import { useProductForm } from '../../ui/useProductForm';
import { readDraft, writeDraft } from '../../ui/session-draft';

const DRAFT = 'basket:add-product-draft';

export function AddProductForm() {
  const basket = useBasket();
  const form = useProductForm({ name: readDraft(DRAFT), quantity: '1' });
  const typed = form.fields.name;
  useEffect(() => writeDraft(DRAFT, typed), [typed]);

  return (
    <form
      className="add-product"
      aria-label="Add a product"
      noValidate
      onSubmit={(event) =>
        void form.submit(event, async (input) => {
          const submitted = form.fields.name;
          const outcome = await basket.dispatch({
            type: 'AddProduct',
            streamId: DEFAULT_STREAM,
            ...input,
          });
          if (outcome.ok) {
            // Only clear what was saved: anything typed meanwhile stays.
            form.setName((now) => (now === submitted ? '' : now));
            form.setQuantity('1');
            form.fields.nameRef.current?.focus();
          }
          return outcome.ok;
        })
      }
    >
      <ProductFields nameLabel="Product" {...form.fields} />
      <button type="submit" className="primary">
        Add
      </button>
    </form>
  );
}
