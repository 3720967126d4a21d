import * as v from 'valibot';

/**
 * The aisles Basket sorts products into, in the order a typical supermarket is walked: fresh
 * food first, frozen near the tills, everything else between. Ids are stored in events, so they
 * never change; their names are translated (see `src/i18n`). "other" is where unknown names go.
 */
export const CATEGORIES = [
  'produce',
  'bakery',
  'meat',
  'fish',
  'dairy',
  'pantry',
  'snacks',
  'drinks',
  'frozen',
  'household',
  'personal',
  'baby',
  'other',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const categorySchema = v.picklist(CATEGORIES, 'a category must be one Basket knows');

/** A whole aisle order: every category exactly once. */
export const aisleOrderSchema = v.pipe(
  v.array(categorySchema),
  v.check(
    (order) => order.length === CATEGORIES.length && new Set(order).size === CATEGORIES.length,
    'an aisle order must name every category exactly once',
  ),
);
