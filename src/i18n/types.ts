import type { Category } from '../events/categories';
import type { Sentence } from '../events/sentence';

/** A name, or words standing in for one ("a product") to be said in the same language. */
export type Words = string | Sentence;

/** What a message needs from the language it is said in. */
export interface Helpers {
  /** A number in the language's own format. */
  n(value: number): string;
  /** An amount of money in the language's own format, with the person's currency sign. */
  money(value: number): string;
  /** Says another sentence in the same language (an undo label inside "Undid: …"). */
  say(sentence: Sentence): string;
  /** A name, or the words standing in for it. */
  text(words: Words): string;
  /** A category's name. */
  category(category: Category): string;
}
