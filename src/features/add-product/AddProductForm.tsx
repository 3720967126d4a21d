import { useEffect, useId, type FormEvent } from 'react';
import { parseEntry, parseUnit, type ProductInput, type Unit } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { rhythmOf } from '../../model';
import { ProductFields } from '../../ui/ProductFields';
import { readDraft, writeDraft } from '../../ui/session-draft';
import { useProductForm } from '../../ui/useProductForm';
import { useSuggestions } from './useSuggestions';
import { useI18n } from '../../i18n';
import { Plus } from 'lucide-react';

const DRAFT = 'basket:add-product-draft';

export function AddProductForm() {
  const basket = useBasket();
  const streamId = useBasketState((s) => s.currentList);
  const form = useProductForm({ name: readDraft(DRAFT), quantity: '1' });
  const typed = form.fields.name;
  useEffect(() => writeDraft(DRAFT, typed), [typed]);
  const listId = useId();
  const { t } = useI18n();

  async function save(input: ProductInput, submitted: string, unit: Unit | null = null) {
    const outcome = await basket.dispatch({
      type: 'AddProduct',
      streamId,
      ...input,
      unit,
    });
    if (outcome.ok) {
      // Only clear what was saved: anything typed meanwhile stays.
      form.setName((now) => (now === submitted ? '' : now));
      form.setQuantity('1');
      form.fields.nameRef.current?.focus();
    }
    return outcome.ok;
  }

  const suggestions = useSuggestions(typed, (purchase) => {
    void form.submitValues({ name: purchase.name, quantity: form.fields.quantity }, (input) =>
      save(input, typed),
    );
  });
  const optionId = (i: number) => `${listId}-${i}`;

  // "2 milk", "500 g flour", "牛奶 2盒": a quantity and unit typed with the name are taken
  // from it, and the field says so before Enter. A suggestion's name is taken as it is.
  const entry = parseEntry(typed);
  const read = entry.quantity === undefined ? null : entry;
  const readUnit = read?.unit === undefined ? null : parseUnit(read.unit);

  function submit(event: FormEvent) {
    if (!read) return void form.submit(event, (input) => save(input, typed));
    event.preventDefault();
    const unit = readUnit?.ok ? readUnit.value : null;
    void form.submitValues({ name: read.name, quantity: String(read.quantity) }, (input) =>
      save(input, typed, unit),
    );
  }

  return (
    <form className="add-product" aria-label={t('addProduct')} noValidate onSubmit={submit}>
      <ProductFields
        nameLabel={t('product')}
        quietLabels
        {...form.fields}
        onName={(value) => {
          form.fields.onName(value);
          suggestions.reset();
        }}
        nameInputProps={{
          placeholder: t('productPlaceholder'),
          role: 'combobox',
          'aria-autocomplete': 'list',
          'aria-expanded': suggestions.open,
          'aria-controls': listId,
          'aria-activedescendant':
            suggestions.active >= 0 ? optionId(suggestions.active) : undefined,
          onKeyDown: suggestions.onKeyDown,
          onFocus: suggestions.onFocus,
          onBlur: suggestions.onBlur,
        }}
        nameHint={
          read &&
          !suggestions.open &&
          t('entryReads', { name: read.name, quantity: read.quantity!, unit: read.unit ?? null })
        }
        afterName={
          <>
            <ul
              id={listId}
              role="listbox"
              aria-label={t('suggestions')}
              className="suggestions"
              hidden={!suggestions.open}
            >
              {suggestions.open &&
                suggestions.options.map((purchase, i) => {
                  const rhythm = rhythmOf(purchase);
                  return (
                    <li
                      key={purchase.key}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === suggestions.active}
                      // Keep focus in the field: a click takes the suggestion, like Enter.
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() =>
                        void form.submitValues(
                          { name: purchase.name, quantity: form.fields.quantity },
                          (input) => save(input, typed),
                        )
                      }
                    >
                      {purchase.name}
                      {rhythm && <span className="rhythm"> · {t('rhythm', { days: rhythm })}</span>}
                    </li>
                  );
                })}
            </ul>
          </>
        }
      />
      <button type="submit" className="primary add-button" aria-label={t('add')}>
        <Plus aria-hidden size={22} />
        <span className="add-label">{t('add')}</span>
      </button>
    </form>
  );
}
