import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type RefObject,
} from 'react';
import {
  CATEGORIES,
  parseNote,
  parsePrice,
  parseProductInput,
  parseUnit,
  type Category,
} from '../../events';
import type { Sentence } from '../../events/sentence';
import { useBasket, useBasketState } from '../../bus';
import { categoryOf, type Product } from '../../model';
import { useI18n } from '../../i18n';
import { QuantityStepper } from '../../ui/QuantityStepper';

interface Props {
  product: Product;
  onClose(): void;
}

type Errors = {
  name?: Sentence;
  quantity?: Sentence;
  unit?: Sentence;
  note?: Sentence;
  price?: Sentence;
  other?: Sentence;
};

/**
 * A product's details in a sheet from the foot of the screen: name, quantity (with a stepper)
 * and unit, price in the person's currency, aisle, a note, and Delete. A modal dialog, above the docked add bar
 * (which hides meanwhile) and lifted above an on-screen keyboard (see `useAboveKeyboard`).
 * Bad input is told beside its field, and nothing is saved.
 */
export default function EditSheet({ product, onClose }: Props) {
  const basket = useBasket();
  const { t, say, category: categoryName, language, currency } = useI18n();
  const chosen = useBasketState((s) => s.list.categories);
  const [name, setName] = useState(product.name);
  const [quantity, setQuantity] = useState(String(product.quantity));
  const [unit, setUnit] = useState(product.unit ?? '');
  const [note, setNote] = useState(product.note ?? '');
  const [price, setPrice] = useState(product.price === null ? '' : String(product.price));
  // Left alone, the category is not sent: a renamed product then goes where its new name goes.
  const [category, setCategory] = useState<Category | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const dialog = useRef<HTMLDialogElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);
  const unitRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useAboveKeyboard(dialog);

  useLayoutEffect(() => {
    const sheet = dialog.current;
    if (!sheet) return;
    // A modal dialog makes the rest of the page inert; where that is missing, it is just shown.
    if (typeof sheet.showModal === 'function') sheet.showModal();
    else sheet.setAttribute('open', '');
    nameRef.current?.focus();
    nameRef.current?.select();
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = parseProductInput(name, quantity);
    const counts = parseUnit(unit);
    const noted = parseNote(note);
    const cost = parsePrice(price);
    const found: Errors = {
      ...(input.ok ? {} : input.errors),
      ...(counts.ok ? {} : { unit: counts.message }),
      ...(noted.ok ? {} : { note: noted.message }),
      ...(cost.ok ? {} : { price: cost.message }),
    };
    if (!input.ok || !counts.ok || !noted.ok || !cost.ok) {
      setErrors(found);
      // The first field at fault, in the order they are shown.
      const first = found.name
        ? nameRef
        : found.quantity
          ? quantityRef
          : found.unit
            ? unitRef
            : found.price
              ? priceRef
              : noteRef;
      first.current?.focus();
      return;
    }
    setErrors({});
    const outcome = await basket.dispatch({
      type: 'EditProduct',
      productId: product.productId,
      ...input.value,
      unit: counts.value,
      note: noted.value,
      price: cost.value,
      ...(category ? { category } : {}),
    });
    if (outcome.ok) onClose();
    else refused(outcome.message);
  }

  async function remove() {
    const outcome = await basket.dispatch({ type: 'RemoveProduct', productId: product.productId });
    if (outcome.ok) onClose();
    else refused(outcome.message);
  }

  /** Told here, where the person is looking, rather than behind the sheet. */
  function refused(message: Sentence) {
    setErrors({ other: message });
    basket.dismissNotice();
  }

  const described = (field: keyof Errors) =>
    errors[field]
      ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` }
      : {};
  const error = (field: keyof Errors) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="field-error" role="alert">
        {say(errors[field])}
      </p>
    );
  const sign = currencySign(language, currency);
  const title = t('editNamed', { name: product.name });

  return (
    <dialog
      ref={dialog}
      className="sheet"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A tap on the backdrop (the dialog itself, outside its form) closes it, as Cancel does.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <form className="sheet-form" noValidate onSubmit={(e) => void save(e)}>
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="field field-name">
          <label htmlFor={`${id}-name`}>{t('name')}</label>
          <input
            id={`${id}-name`}
            ref={nameRef}
            type="text"
            autoComplete="off"
            enterKeyHint="done"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setErrors(({ name: _, ...rest }) => rest);
            }}
            {...described('name')}
          />
          {error('name')}
        </div>
        <div className="field field-quantity">
          <label htmlFor={`${id}-quantity`}>{t('quantity')}</label>
          <QuantityStepper
            quantity={quantity}
            onQuantity={(value) => {
              setQuantity(value);
              setErrors(({ quantity: _, ...rest }) => rest);
            }}
            inputProps={{ id: `${id}-quantity`, ref: quantityRef, ...described('quantity') }}
          />
          {error('quantity')}
        </div>
        <div className="field field-unit">
          <label htmlFor={`${id}-unit`}>{t('unitField')}</label>
          <input
            id={`${id}-unit`}
            ref={unitRef}
            type="text"
            autoComplete="off"
            placeholder={t('unitPlaceholder')}
            value={unit}
            onChange={(e) => {
              setUnit(e.target.value);
              setErrors(({ unit: _, ...rest }) => rest);
            }}
            {...described('unit')}
          />
          {error('unit')}
        </div>
        <div className="field field-price">
          <label htmlFor={`${id}-price`}>{t('price')}</label>
          <div className="with-sign">
            <span className="sign" id={`${id}-sign`}>
              {sign}
            </span>
            <input
              id={`${id}-price`}
              ref={priceRef}
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              placeholder={t('pricePlaceholder')}
              value={price}
              onChange={(e) => {
                setPrice(e.target.value);
                setErrors(({ price: _, ...rest }) => rest);
              }}
              {...described('price')}
              aria-describedby={[`${id}-sign`, errors.price && `${id}-price-error`]
                .filter(Boolean)
                .join(' ')}
            />
          </div>
          {error('price')}
        </div>
        <div className="field field-category">
          <label htmlFor={`${id}-category`}>{t('category')}</label>
          <select
            id={`${id}-category`}
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
        <div className="field field-note">
          <label htmlFor={`${id}-note`}>{t('noteField')}</label>
          <input
            id={`${id}-note`}
            ref={noteRef}
            type="text"
            autoComplete="off"
            enterKeyHint="done"
            placeholder={t('notePlaceholder')}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setErrors(({ note: _, ...rest }) => rest);
            }}
            {...described('note')}
          />
          {error('note')}
        </div>
        {error('other')}
        <div className="sheet-actions">
          <button type="submit" className="primary">
            {t('save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('deleteNamed', { name: product.name })}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The sign prices are shown with ("$", "¥", "€"), as the person's language writes it. */
function currencySign(language: string, currency: string): string {
  try {
    const parts = new Intl.NumberFormat(language, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/**
 * Keeps the sheet above an on-screen keyboard where the browser overlays one on the page (where
 * `interactive-widget=resizes-content` is not honoured, as on iOS): the part of the layout
 * viewport the keyboard covers lifts the sheet by as much (`--keyboard`).
 */
function useAboveKeyboard(sheet: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const viewport = window.visualViewport;
    if (!viewport) return;
    const fit = () => {
      const covered = window.innerHeight - viewport.height - viewport.offsetTop;
      sheet.current?.style.setProperty('--keyboard', `${Math.max(0, Math.round(covered))}px`);
    };
    fit();
    viewport.addEventListener('resize', fit);
    viewport.addEventListener('scroll', fit);
    return () => {
      viewport.removeEventListener('resize', fit);
      viewport.removeEventListener('scroll', fit);
    };
  }, [sheet]);
}
