import type { Sentence } from '../events/sentence';
import { en } from './en';
import { helpersFor, translate } from './sentence';

const helpers = helpersFor(en, 'en');

/** A sentence in English: for error messages in the console, and tests that read them. */
export const inEnglish = (sentence: Sentence): string => translate(en, sentence, helpers);
