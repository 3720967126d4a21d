/*
 * The currency prices are shown in: chosen once on this device (in the menu's settings), else
 * the one of the browser's region. Basket never converts: a price is the number the person typed,
 * shown with the sign they expect.
 */

/** The currencies the settings offer, by ISO 4217 code; any code Intl knows is shown too. */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CNY',
  'JPY',
  'HKD',
  'TWD',
  'SGD',
  'AUD',
  'NZD',
  'CAD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'INR',
  'KRW',
  'BRL',
  'MXN',
  'ZAR',
] as const;

const REMEMBERED = 'basket:currency';

/** The currency of a region, for the regions whose people most use Basket's two languages. */
const BY_REGION: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  IE: 'EUR',
  CN: 'CNY',
  HK: 'HKD',
  MO: 'MOP',
  TW: 'TWD',
  SG: 'SGD',
  JP: 'JPY',
  AU: 'AUD',
  NZ: 'NZD',
  CA: 'CAD',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  IN: 'INR',
  KR: 'KRW',
  BR: 'BRL',
  MX: 'MXN',
  ZA: 'ZAR',
  MY: 'MYR',
  DE: 'EUR',
  FR: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  AT: 'EUR',
  PT: 'EUR',
  FI: 'EUR',
  GR: 'EUR',
  LU: 'EUR',
  SK: 'EUR',
  SI: 'EUR',
  EE: 'EUR',
  LV: 'EUR',
  LT: 'EUR',
};

let known: ReadonlySet<string> | undefined;
/** A code the browser knows as a currency (a well-formed but unknown one like "ABC" is not). */
const isCurrency = (code: unknown): code is string => {
  known ??= new Set<string>([...CURRENCIES, ...(Intl.supportedValuesOf?.('currency') ?? [])]);
  return typeof code === 'string' && known.has(code);
};

/** The currency of the first of the browser's languages that names (or implies) a region. */
export function currencyOfLocales(locales: readonly string[]): string {
  for (const tag of locales) {
    try {
      // A tag that names its region ("en-GB") says it; only one that does not is maximized,
      // which loads the likely-region data (a few milliseconds of a boot).
      const locale = new Intl.Locale(tag);
      const region = locale.region ?? locale.maximize().region;
      const code = region && BY_REGION[region];
      if (code) return code;
    } catch {
      // Not a language tag a browser should give; the next one may be.
    }
  }
  return 'USD';
}

/** The currency chosen on this device, else the browser's region's. */
export function initialCurrency(): string {
  try {
    const chosen = localStorage.getItem(REMEMBERED);
    if (isCurrency(chosen)) return chosen;
  } catch {
    // Storage may be off: the browser's region still gives one.
  }
  const locales = navigator.languages?.length ? navigator.languages : [navigator.language];
  return currencyOfLocales(locales);
}

/** Remembers the person's choice; false when the code is not a currency (nothing is stored). */
export function rememberCurrency(code: string): boolean {
  if (!isCurrency(code)) return false;
  try {
    localStorage.setItem(REMEMBERED, code);
  } catch {
    // Storage is off: the choice lasts for this visit.
  }
  return true;
}
