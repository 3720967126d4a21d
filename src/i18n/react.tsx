import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Category } from '../events/categories';
import { says, type ArgsOf, type MessageKey, type Sentence } from '../events/sentence';
import { en } from './en';
import {
  LANGUAGES,
  initialLanguage,
  loadMessages,
  messagesIfLoaded,
  rememberLanguage,
  type Language,
} from './languages';
import { initialCurrency, rememberCurrency } from './currency';
import { helpersFor, translate, type Messages } from './sentence';

export interface I18n {
  readonly language: Language;
  /** A message by key, in the person's language. */
  t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string;
  /** A sentence made elsewhere (the model, the store), in the person's language. */
  say(sentence: Sentence): string;
  category(category: Category): string;
  n(value: number): string;
  money(value: number): string;
  /** Every language, named in itself, for the "Language" picker. */
  readonly languages: readonly { language: Language; name: string }[];
  setLanguage(language: Language): void;
  /** The ISO 4217 code prices are shown in: chosen on this device, else the region's. */
  readonly currency: string;
  setCurrency(code: string): void;
}

function makeI18n(
  language: Language,
  messages: Messages,
  names: Record<Language, string>,
  setLanguage: (l: Language) => void,
  currency: string,
  setCurrency: (code: string) => void,
): I18n {
  const helpers = helpersFor(messages, language, currency);
  return {
    language,
    t: (key, ...args) => translate(messages, says(key, ...args), helpers),
    say: (sentence) => translate(messages, sentence, helpers),
    category: helpers.category,
    n: helpers.n,
    money: helpers.money,
    languages: LANGUAGES.map((l) => ({ language: l, name: names[l] })),
    setLanguage,
    currency,
    setCurrency,
  };
}

/** Each language's name in itself: fixed, so the picker reads the same in every language. */
const NAMES: Record<Language, string> = { en: en.langName, 'zh-CN': '简体中文' };

const I18nContext = createContext<I18n>(
  makeI18n(
    'en',
    en,
    NAMES,
    () => {},
    'USD',
    () => {},
  ),
);

interface Props {
  /** The language to start in and its messages, when the caller loaded them already. */
  initial?: { language: Language; messages: Messages };
  children: ReactNode;
}

/**
 * The person's language: from what they chose on this device or their browser, switchable,
 * remembered; `<html lang>` follows it so screen readers pronounce the page right.
 */
export function I18nProvider({ initial, children }: Props) {
  const [current, setCurrent] = useState(() => {
    if (initial) return initial;
    const language = initialLanguage();
    return { language, messages: messagesIfLoaded(language) };
  });
  const [problem, setProblem] = useState<unknown>(null);
  if (problem) throw problem;
  const [currency, setCurrency] = useState(initialCurrency);
  const chooseCurrency = useMemo(
    () => (code: string) => {
      if (rememberCurrency(code)) setCurrency(code);
    },
    [],
  );

  const choose = useMemo(
    () => (language: Language) => {
      rememberLanguage(language);
      loadMessages(language).then(
        (messages) => setCurrent({ language, messages }),
        (error: unknown) => setProblem(error),
      );
    },
    [],
  );

  // Started without the messages for its language (tests, mostly): fetch them.
  const { language, messages } = current;
  useEffect(() => {
    if (!messages) {
      loadMessages(language).then(
        (loaded) => setCurrent({ language, messages: loaded }),
        (error: unknown) => setProblem(error),
      );
    }
  }, [language, messages]);

  // In the same commit as the words themselves, never a frame later: no moment shows Chinese
  // text to a screen reader as English.
  useLayoutEffect(() => {
    if (messages) document.documentElement.lang = language;
  }, [language, messages]);

  const value = useMemo(
    () => (messages ? makeI18n(language, messages, NAMES, choose, currency, chooseCurrency) : null),
    [language, messages, choose, currency, chooseCurrency],
  );
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
