import { useRef, useState, type FormEvent } from 'react';
import { parseProductInput, type ProductInput } from '../events';
import type { ProductFieldErrors } from './ProductFields';

/**
 * The state of a name + quantity form. `submit` validates before anything is dispatched: bad
 * input stays in the fields with its message and focus goes to the first field at fault.
 * `save` resolves true when the change was stored.
 */
export function useProductForm(initial: { name: string; quantity: string }) {
  const [name, setName] = useState(initial.name);
  const [quantity, setQuantity] = useState(initial.quantity);
  const [errors, setErrors] = useState<ProductFieldErrors>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const quantityRef = useRef<HTMLInputElement>(null);

  /** Validates `name` and `quantity` (by default what the fields hold) and saves them if sound. */
  async function submitValues(
    values: { name: string; quantity: string },
    save: (input: ProductInput) => Promise<boolean>,
  ) {
    const parsed = parseProductInput(values.name, values.quantity);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      (parsed.errors.name ? nameRef : quantityRef).current?.focus();
      return false;
    }
    setErrors({});
    return save(parsed.value);
  }

  async function submit(event: FormEvent, save: (input: ProductInput) => Promise<boolean>) {
    event.preventDefault();
    return submitValues({ name, quantity }, save);
  }

  return {
    fields: {
      name,
      quantity,
      errors,
      nameRef,
      quantityRef,
      onName(value: string) {
        setName(value);
        if (errors.name) setErrors((e) => ({ ...e, name: undefined }));
      },
      onQuantity(value: string) {
        setQuantity(value);
        if (errors.quantity) setErrors((e) => ({ ...e, quantity: undefined }));
      },
    },
    setName,
    setQuantity,
    submit,
    submitValues,
  };
}
