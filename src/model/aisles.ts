import { CATEGORIES, nameKey, type Category } from '../events';
import { CATEGORY_MARKERS, CATEGORY_WORDS } from './category-words';
import { placeOf, type Product } from './product';

/** A list's aisles in the order its shop is walked, until the person reorders them. */
export const DEFAULT_AISLES: readonly Category[] = CATEGORIES;

/** The categories the person chose for product names (by `nameKey`), across every list. */
export type CategoryTable = Map<string, Category>;

const LATIN_WORDS = new Map<string, Category>();
/** Words written without spaces (Chinese): found inside a name, not split out of it. */
const CJK_WORDS: [string, Category][] = [];
const CJK = /[\u3400-\u9fff]/;
/** The most words in one of the dictionary's phrases: no longer phrase is looked up. */
let LONGEST = 1;
/** The last word of every phrase: a name's word that is none of these ends no phrase. */
const LAST_WORDS = new Set<string>();

for (const [category, words] of Object.entries(CATEGORY_WORDS) as [Category, string][]) {
  for (const word of words.split('|')) {
    if (CJK.test(word)) CJK_WORDS.push([word, category]);
    else {
      LATIN_WORDS.set(word, category);
      const parts = word.split(' ');
      LONGEST = Math.max(LONGEST, parts.length);
      LAST_WORDS.add(parts.at(-1)!);
    }
  }
}

/** Markers that decide the aisle whatever else a name says ("frozen peas"), each with its script. */
const MARKERS = CATEGORY_MARKERS.map(
  ([marker, category]) => [marker, category, CJK.test(marker)] as const,
);

/** The dictionary forms an English word may be written as: "berries" → "berry", "peas" → "pea". */
function singulars(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out;
}

/**
 * The phrase of `words` that is in the dictionary and ends last, the longest such first. Only
 * phrases that could be there are tried (no longer than its longest, ending in a word one of its
 * phrases ends in): a list of 10,000 is guessed at boot.
 */
function latinGuess(words: readonly string[]): Category | undefined {
  for (let end = words.length; end > 0; end -= 1) {
    const lasts = singulars(words[end - 1]!).filter((last) => LAST_WORDS.has(last));
    if (lasts.length === 0) continue;
    for (let start = Math.max(0, end - LONGEST); start < end; start += 1) {
      const head = words.slice(start, end - 1).join(' ');
      for (const last of lasts) {
        const found = LATIN_WORDS.get(head ? `${head} ${last}` : last);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function cjkGuess(key: string): Category | undefined {
  let best: { end: number; length: number; category: Category } | undefined;
  for (const [word, category] of CJK_WORDS) {
    const at = key.lastIndexOf(word);
    if (at < 0) continue;
    const end = at + word.length;
    if (!best || end > best.end || (end === best.end && word.length > best.length)) {
      best = { end, length: word.length, category };
    }
  }
  return best?.category;
}

/**
 * The aisle a product of this name is usually in, by the built-in dictionary; "other" when it
 * does not know. English and Simplified Chinese; case, spacing and plurals do not matter.
 */
export const guessCategory = (name: string): Category => guessByKey(nameKey(name));

function guessByKey(key: string): Category {
  // A list of 10,000 is grouped on every keystroke of a search: each name is worked out once.
  let found = guessed.get(key);
  if (!found) guessed.set(key, (found = guess(key)));
  return found;
}

const guessed = new Map<string, Category>();

const WORD = /[\p{L}\p{N}']+/gu;

function guess(key: string): Category {
  const words: readonly string[] = key.match(WORD) ?? [];
  for (const [marker, category, cjk] of MARKERS) {
    if (cjk ? key.includes(marker) : words.includes(marker)) return category;
  }
  return latinGuess(words) ?? (CJK.test(key) ? cjkGuess(key) : undefined) ?? 'other';
}

/** Where a product of this name goes: where the person put it last, else the dictionary's guess. */
export const categoryOf = (name: string, chosen: ReadonlyMap<string, Category>): Category =>
  categoryOfKey(nameKey(name), chosen);

/** The same, from a name already keyed (a product row's `key`): no cleaning on the hot path. */
export const categoryOfKey = (key: string, chosen: ReadonlyMap<string, Category>): Category =>
  chosen.get(key) ?? guessByKey(key);

/**
 * The aisle order after moving `category` one place up or down among the aisles `shown` on the
 * list now, so every press visibly moves it: aisles with nothing in them are stepped over.
 */
export function moveAisle(
  order: readonly Category[],
  category: Category,
  direction: 'up' | 'down',
  shown: readonly Category[],
): Category[] {
  const visible = order.filter((c) => shown.includes(c));
  const at = visible.indexOf(category);
  const neighbour = visible[direction === 'up' ? at - 1 : at + 1];
  if (at < 0 || !neighbour) return [...order];
  const rest = order.filter((c) => c !== category);
  const to = rest.indexOf(neighbour) + (direction === 'up' ? 0 : 1);
  return [...rest.slice(0, to), category, ...rest.slice(to)];
}

/** One aisle's products still to buy. */
export interface Aisle {
  readonly category: Category;
  /**
   * In their places (`placeOf`): where the person moved them, else newest first, so what was just
   * added is where the person is looking.
   */
  readonly products: readonly Product[];
}

const byPlace = (a: Product, b: Product) => placeOf(a) - placeOf(b) || a.key.localeCompare(b.key);

/**
 * Products still to buy, aisle by aisle in the list's `order`, in their places in each; aisles with
 * nothing to buy are left out. What the list shows under its headings, and what an aisle move
 * steps past.
 */
export function groupByAisle(
  toBuy: Iterable<Product>,
  chosen: ReadonlyMap<string, Category>,
  order: readonly Category[],
): Aisle[] {
  const byCategory = new Map<Category, Product[]>();
  for (const product of toBuy) {
    const category = categoryOfKey(product.key, chosen);
    const aisle = byCategory.get(category);
    if (aisle) aisle.push(product);
    else byCategory.set(category, [product]);
  }
  const aisles: Aisle[] = [];
  for (const category of order) {
    const products = byCategory.get(category);
    if (products) aisles.push({ category, products: products.sort(byPlace) });
  }
  return aisles;
}
