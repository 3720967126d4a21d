import type { Category } from '../events/categories';
import type { Sentence } from '../events/sentence';
import type { en } from './en';
import type { Helpers } from './types';

/** One language's words: the same keys, with the same parameters, as English. */
export type Messages = typeof en;

/**
 * A number format that never says "-0": negative zero, and a negative amount too small to show
 * in the digits it has ("-0.001" as money), are said as zero. Real negatives keep their sign.
 * The format is made when first used: each costs a few milliseconds of a boot, and a list with
 * no prices never shows money.
 */
function unsignedZero(make: () => Intl.NumberFormat): (value: number) => string {
  let format: Intl.NumberFormat | undefined;
  let zero = '';
  return (value) => {
    if (!format) {
      format = make();
      zero = format.format(0);
    }
    return Object.is(value, -0) || (value < 0 && format.format(-value) === zero)
      ? zero
      : format.format(value);
  };
}

/** The language's formats and words, for its messages to use. */
export function helpersFor(messages: Messages, locale: string, currency?: string): Helpers {
  const numbers = unsignedZero(() => new Intl.NumberFormat(locale));
  // With a currency: its sign and its own decimals (¥12, $3.50, ¥300 for yen).
  const amounts = unsignedZero(
    () =>
      new Intl.NumberFormat(
        locale,
        currency
          ? { style: 'currency', currency }
          : { minimumFractionDigits: 2, maximumFractionDigits: 2 },
      ),
  );
  const helpers: Helpers = {
    n: numbers,
    money: amounts,
    category: (category: Category) => messages.categories[category],
    say: (sentence) => translate(messages, sentence, helpers),
    text: (words) => (typeof words === 'string' ? words : helpers.say(words)),
  };
  return helpers;
}

/** A sentence in one language. A key this language lacks (an old stored label) is said as is. */
export function translate(messages: Messages, sentence: Sentence, helpers: Helpers): string {
  const message = (messages as unknown as Record<string, unknown>)[sentence.key];
  if (typeof message === 'string') return message;
  if (typeof message === 'function') {
    return (message as (p: object, h: Helpers) => string)(sentence.params ?? {}, helpers);
  }
  return sentence.key;
}
