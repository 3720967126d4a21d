import { describe, expect, it } from 'vitest';
import { helpersFor } from './sentence';
import { en } from './en';
import { currencyOfLocales, rememberCurrency, initialCurrency } from './currency';

describe('the currency prices are shown in', () => {
  it('follows the region of the browser’s languages, or the one a language implies', () => {
    expect(currencyOfLocales(['en-GB', 'en-US'])).toBe('GBP');
    expect(currencyOfLocales(['zh-CN'])).toBe('CNY');
    expect(currencyOfLocales(['zh'])).toBe('CNY');
    expect(currencyOfLocales(['de-DE'])).toBe('EUR');
    expect(currencyOfLocales(['not a tag', 'ja'])).toBe('JPY');
    expect(currencyOfLocales([])).toBe('USD');
  });

  it('remembers a choice on the device, and refuses what is not a currency', () => {
    localStorage.removeItem('basket:currency');
    expect(rememberCurrency('XYZW')).toBe(false);
    expect(rememberCurrency('ABC')).toBe(false);
    expect(rememberCurrency('EUR')).toBe(true);
    expect(initialCurrency()).toBe('EUR');
    localStorage.removeItem('basket:currency');
  });

  it('shows the sign and the currency’s own decimals, never "-0"', () => {
    expect(helpersFor(en, 'en-US', 'USD').money(3.5)).toBe('$3.50');
    expect(helpersFor(en, 'zh-CN', 'CNY').money(12.5)).toBe('¥12.50');
    expect(helpersFor(en, 'en-US', 'JPY').money(300)).toBe('¥300');
    expect(helpersFor(en, 'en-US', 'EUR').money(-0)).toBe('€0.00');
  });
});
