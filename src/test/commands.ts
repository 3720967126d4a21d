import {
  DEFAULT_STREAM,
  nameKey,
  parseNote,
  parsePrice,
  parseProductInput,
  parseUnit,
  type Note,
  type Unit,
  type Category,
  type StreamId,
} from '../events';
import type { ListState, Product } from '../model';
import type { Step } from './given';

/**
 * What a person asks for, by the names they see: steps for `given(…)` and `when(…)`, each made
 * into a command against the list as it then stands.
 */

export const valid = (name: string, quantity: number | string = 1) => {
  const parsed = parseProductInput(name, quantity);
  if (!parsed.ok) throw new Error(`not valid input: ${name} × ${quantity}`);
  return parsed.value;
};

export const validPrice = (text: string) => {
  const parsed = parsePrice(text);
  if (!parsed.ok) throw new Error(`not a valid price: ${text}`);
  return parsed.value;
};

/** The product a person means by `name`: written so, or else the same name in another form. */
export function productCalled(list: ListState, name: string): Product | undefined {
  const all = [...list.products.values()];
  return all.find((p) => p.name === name) ?? all.find((p) => p.key === nameKey(name));
}

const idOf = (list: ListState, name: string) => productCalled(list, name)?.productId ?? 'missing';

export const validUnit = (text: string): Unit | null => {
  const parsed = parseUnit(text);
  if (!parsed.ok) throw new Error(`not a valid unit: ${text}`);
  return parsed.value;
};

export const validNote = (text: string): Note | null => {
  const parsed = parseNote(text);
  if (!parsed.ok) throw new Error(`not a valid note: ${text}`);
  return parsed.value;
};

export const add =
  (name: string, quantity = 1, streamId: StreamId = DEFAULT_STREAM): Step =>
  () => ({ type: 'AddProduct', streamId, ...valid(name, quantity) });

/** An add that names what the quantity counts: "500 g flour". */
export const addIn =
  (name: string, quantity: number, unit: string, streamId: StreamId = DEFAULT_STREAM): Step =>
  () => ({ type: 'AddProduct', streamId, ...valid(name, quantity), unit: validUnit(unit) });

/** Drags aisle `category` to stand right after aisle `after` (to the top with `null`). */
export const placeAisle =
  (category: Category, after: Category | null, streamId: StreamId = DEFAULT_STREAM): Step =>
  () => ({ type: 'PlaceAisle', streamId, category, after });

/** Drags `name` to stand between `after` (above it) and `before` (below it). */
export const move =
  (name: string, between: { after?: string; before?: string }): Step =>
  (list) => ({
    type: 'MoveProduct',
    productId: idOf(list, name),
    after: between.after === undefined ? null : idOf(list, between.after),
    before: between.before === undefined ? null : idOf(list, between.before),
  });

export const check =
  (name: string): Step =>
  (list) => ({ type: 'CheckProduct', productId: idOf(list, name) });

export const uncheck =
  (name: string): Step =>
  (list) => ({ type: 'UncheckProduct', productId: idOf(list, name) });

export const remove =
  (name: string): Step =>
  (list) => ({ type: 'RemoveProduct', productId: idOf(list, name) });

/** Opens `name`'s edit form and saves it with these changes (the rest as they are). */
export const edit =
  (
    name: string,
    changes: {
      name?: string;
      quantity?: number;
      price?: string;
      category?: Category;
      unit?: string;
      note?: string;
    },
  ): Step =>
  (list) => {
    const product = productCalled(list, name);
    return {
      type: 'EditProduct',
      productId: product?.productId ?? 'missing',
      ...valid(changes.name ?? name, changes.quantity ?? product?.quantity ?? 1),
      ...(changes.price === undefined ? {} : { price: validPrice(changes.price) }),
      ...(changes.category === undefined ? {} : { category: changes.category }),
      ...(changes.unit === undefined ? {} : { unit: validUnit(changes.unit) }),
      ...(changes.note === undefined ? {} : { note: validNote(changes.note) }),
    };
  };

export const clearBought =
  (streamId: StreamId = DEFAULT_STREAM): Step =>
  () => ({ type: 'ClearCheckedProducts', streamId });

export const undo =
  (streamId: StreamId = DEFAULT_STREAM): Step =>
  () => ({ type: 'Undo', streamId });

export const redo =
  (streamId: StreamId = DEFAULT_STREAM): Step =>
  () => ({ type: 'Redo', streamId });

export const moveAisle =
  (category: Category, direction: 'up' | 'down', streamId: StreamId = DEFAULT_STREAM): Step =>
  () => ({ type: 'MoveAisle', streamId, category, direction });
