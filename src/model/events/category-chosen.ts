import { nameKey } from '../../events';
import { says } from '../../events/sentence';
import { noPurchases, type Handler } from './handler';

/** A choice is about a name, on every list: its rows are the categories, by name key. */
export const categoryChosen: Handler<'CategoryChosen'> = {
  evolve({ categories }, event) {
    const key = nameKey(event.payload.name);
    if (event.payload.category === null) categories.delete(key);
    else categories.set(key, event.payload.category);
  },
  invert(event, { categories }) {
    const { name } = event.payload;
    const before = categories.get(nameKey(name)) ?? null;
    return [{ type: 'CategoryChosen', payload: { name, category: before } }];
  },
  describe(event) {
    const { name, category } = event.payload;
    return category === null
      ? says('categoryForgotten', { name })
      : says('categoryChosen', { name, category });
  },
  purchases: noPurchases,
};
