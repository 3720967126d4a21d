import { Minus, Plus } from 'lucide-react';
import type { InputHTMLAttributes, Ref } from 'react';
import { QUANTITY_MAX } from '../events';
import { useI18n } from '../i18n';

/** One step up or down from what the field holds: whole steps, never below 1 by stepping. */
export function stepped(quantity: string, by: 1 | -1): string {
  const q = Number(quantity);
  if (quantity.trim() === '' || !Number.isFinite(q)) return '1';
  const next = Math.round((q + by) * 100) / 100;
  return String(by < 0 && next < 1 ? Math.min(q, 1) : Math.min(next, QUANTITY_MAX));
}

interface Props {
  quantity: string;
  onQuantity(value: string): void;
  /** The spinbutton's own attributes: its id, description, invalid state. */
  inputProps: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
  /**
   * Whether − and + are stops of their own for Tab. In the add bar they are not: Tab goes from
   * the name to the quantity to Add, and the spinbutton's arrow keys step it.
   */
  tabbable?: boolean;
}

/** A quantity spinbutton between − and +; tapping it selects what it holds, so 3 typed is 3. */
export function QuantityStepper({ quantity, onQuantity, inputProps, tabbable = true }: Props) {
  const { t } = useI18n();
  const q = Number(quantity);
  return (
    <div className="stepper">
      <button
        type="button"
        className="icon"
        tabIndex={tabbable ? undefined : -1}
        aria-label={t('decreaseQuantity')}
        disabled={q <= 1}
        onClick={() => onQuantity(stepped(quantity, -1))}
      >
        <Minus aria-hidden="true" size={20} />
      </button>
      <input
        type="number"
        inputMode="decimal"
        min={0}
        max={QUANTITY_MAX}
        step="any"
        value={quantity}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => onQuantity(e.target.value)}
        {...inputProps}
      />
      <button
        type="button"
        className="icon"
        tabIndex={tabbable ? undefined : -1}
        aria-label={t('increaseQuantity')}
        disabled={q >= QUANTITY_MAX}
        onClick={() => onQuantity(stepped(quantity, 1))}
      >
        <Plus aria-hidden="true" size={20} />
      </button>
    </div>
  );
}
