import { useEffect, useId, useState } from 'react';
import { CATEGORIES, parsePrice, type Category } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { categoryOf, type Product } from '../../model';
import type { Sentence } from '../../events/sentence';
import { useI18n } from '../../i18n';
import { ProductFields } from '../../ui/ProductFields';
import { useProductForm } from '../../ui/useProductForm';

interface Props {
  product: Product;
  onDone(): void;
}

export function EditProductForm({ product, onDone }: Props) {
  const basket = useBasket();
  const { t, say, category: categoryName } = useI18n();
  const chosen = useBasketState((s) => s.list.categories);
  const form = useProductForm({ name: product.name, quantity: String(product.quantity) });
  const { nameRef } = form.fields;
  const [price, setPrice] = useState(product.price === null ? '' : String(product.price));
  const [priceError, setPriceError] = useState<Sentence | null>(null);
  // Left alone, the category is not sent: a renamed product then goes where its new name goes.
  const [category, setCategory] = useState<Category | null>(null);
  const priceId = useId();
  const categoryId = useId();

  useEffect(() => {
    nameRef.current?.focus();
    nameRef.current?.select();
  }, [nameRef]);

  return (
    <form
      className="edit-product"
      aria-label={t('editNamed', { name: product.name })}
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
            ...(category ? { category } : {}),
          });
          if (outcome.ok) onDone();
          return outcome.ok;
        })
      }
    >
      <ProductFields nameLabel={t('name')} {...form.fields} />
      <div className="field field-price">
        <label htmlFor={priceId}>{t('price')}</label>
        <input
          id={priceId}
          type="number"
          inputMode="decimal"
          min={0}
          step="0.01"
          placeholder={t('pricePlaceholder')}
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
            {say(priceError)}
          </p>
        )}
      </div>
      <div className="field field-category">
        <label htmlFor={categoryId}>{t('category')}</label>
        <select
          id={categoryId}
          value={category ?? categoryOf(product.name, chosen)}
          onChange={(e) => setCategory(CATEGORIES.find((c) => c === e.target.value) ?? null)}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryName(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="edit-actions">
        <button type="submit" className="primary">
          {t('save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
