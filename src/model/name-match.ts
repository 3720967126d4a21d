/**
 * How a typed query finds a product name, the one rule both the search and the Product field's
 * suggestions follow, so the two never disagree. Both sides are name keys (`nameKey`).
 *
 * A query matches anywhere in a name: Chinese (and Japanese, Thai…) writes no spaces between
 * words, so 奶 must find 牛奶 and 酸奶 as well as 奶酪, and "ilk" finds "Milk" as search always
 * did. How well it matches ranks it: at the start of the name, then at the start of a word, then
 * anywhere else.
 */
export type NameMatch = 'start' | 'word' | 'inside';

export function matchName(key: string, query: string): NameMatch | null {
  if (!query) return null;
  const at = key.indexOf(query);
  if (at < 0) return null;
  if (at === 0) return 'start';
  // `indexOf` finds the first place; a word start may come after an inside match ("mamil mil").
  return key.includes(` ${query}`) ? 'word' : 'inside';
}

/** Lower is better: the order in which matches are offered. */
export const MATCH_ORDER: Readonly<Record<NameMatch, number>> = { start: 0, word: 1, inside: 2 };
