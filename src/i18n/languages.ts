import { en } from './en';
import type { Messages } from './sentence';

/** The languages Basket speaks, by BCP 47 tag: the value of `<html lang>`. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

const REMEMBERED = 'basket:language';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The browser's first preference that Basket speaks: any Chinese is Simplified Chinese here. */
export function fromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The language the person chose on this device, else the browser's. */
export function initialLanguage(): Language {
  try {
    const chosen = localStorage.getItem(REMEMBERED);
    if (isLanguage(chosen)) return chosen;
  } catch {
    // Storage may be off (a locked-down browser): the browser's language still works.
  }
  return fromBrowser(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(REMEMBERED, language);
  } catch (error) {
    console.warn('Could not remember the language on this device', error);
  }
}

const loaded = new Map<Language, Messages>([['en', en]]);

/** A language's messages if they are here already: English always is. */
export const messagesIfLoaded = (language: Language): Messages | null =>
  loaded.get(language) ?? null;

/** English ships with the app; other languages are fetched when first wanted (and precached). */
export async function loadMessages(language: Language): Promise<Messages> {
  const known = loaded.get(language);
  if (known) return known;
  const messages = (await import('./zh-CN')).zhCN;
  loaded.set(language, messages);
  return messages;
}
