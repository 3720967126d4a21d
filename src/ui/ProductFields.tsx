import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import type { Sentence } from '../events/sentence';
import { useI18n } from '../i18n';
import { QuantityStepper } from './QuantityStepper';

export interface ProductFieldErrors {
  name?: Sentence | undefined;
  quantity?: Sentence | undefined;
}

interface Props {
  nameLabel: string;
  name: string;
  quantity: string;
  errors: ProductFieldErrors;
  onName(value: string): void;
  onQuantity(value: string): void;
  nameRef?: Ref<HTMLInputElement>;
  quantityRef?: Ref<HTMLInputElement>;
  /** Extra attributes for the name input, e.g. to make it a combobox. */
  nameInputProps?: InputHTMLAttributes<HTMLInputElement>;
  /** Shown right under the name input, e.g. its suggestions. */
  afterName?: ReactNode;
  /** A line under the name that describes it to assistive technology too ("Adds flour 500 g"). */
  nameHint?: ReactNode;
  /** Labels seen only by assistive technology: a compact bar shows placeholders instead. */
  quietLabels?: boolean;
}

/** A name and a quantity, each with its message right beside it when it is not acceptable. */
export function ProductFields({
  nameLabel,
  name,
  quantity,
  errors,
  onName,
  onQuantity,
  nameRef,
  quantityRef,
  nameInputProps,
  afterName,
  nameHint,
  quietLabels = false,
}: Props) {
  const id = useId();
  const { t, say } = useI18n();
  return (
    <>
      <div className="field field-name">
        <label htmlFor={`${id}-name`} className={quietLabels ? 'visually-hidden' : undefined}>
          {nameLabel}
        </label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          type="text"
          autoComplete="off"
          enterKeyHint="done"
          value={name}
          onChange={(e) => onName(e.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={
            [errors.name && `${id}-name-error`, nameHint && `${id}-name-hint`]
              .filter(Boolean)
              .join(' ') || undefined
          }
          {...nameInputProps}
        />
        {afterName}
        {nameHint && (
          <p id={`${id}-name-hint`} className="entry-reads">
            {nameHint}
          </p>
        )}
        {errors.name && (
          <p id={`${id}-name-error`} className="field-error" role="alert">
            {say(errors.name)}
          </p>
        )}
      </div>
      <div className="field field-quantity">
        <label htmlFor={`${id}-quantity`} className={quietLabels ? 'visually-hidden' : undefined}>
          {t('quantity')}
        </label>
        <QuantityStepper
          quantity={quantity}
          onQuantity={onQuantity}
          tabbable={false}
          inputProps={{
            id: `${id}-quantity`,
            ref: quantityRef,
            'aria-invalid': errors.quantity ? true : undefined,
            'aria-describedby': errors.quantity ? `${id}-quantity-error` : undefined,
          }}
        />
        {errors.quantity && (
          <p id={`${id}-quantity-error`} className="field-error" role="alert">
            {say(errors.quantity)}
          </p>
        )}
      </div>
    </>
  );
}
