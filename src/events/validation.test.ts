import { describe, expect, it } from 'vitest';
import { cleanName, nameKey } from './names';
import {
  messages,
  parseListName,
  parseNote,
  parsePrice,
  parseProductInput,
  parseUnit,
} from './validation';
import { inEnglish } from '../i18n/english';

describe('product input validation', () => {
  it.each([
    ['', '1', { name: messages.nameBlank }],
    ['   \t ', '1', { name: messages.nameBlank }],
    ['\u202E\u202D', '1', { name: messages.nameBlank }],
    ['x'.repeat(201), '1', { name: messages.nameTooLong }],
    ['Milk', '0', { quantity: messages.quantityNotPositive }],
    ['Milk', '-2', { quantity: messages.quantityNotPositive }],
    ['Milk', '', { quantity: messages.quantityNotNumber }],
    ['Milk', 'abc', { quantity: messages.quantityNotNumber }],
    ['Milk', 'Infinity', { quantity: messages.quantityNotNumber }],
    ['Milk', '1e9', { quantity: messages.quantityTooLarge }],
    ['Milk', '10000', { quantity: messages.quantityTooLarge }],
    ['Milk', '1.005', { quantity: messages.quantityTooPrecise }],
    ['', '0', { name: messages.nameBlank, quantity: messages.quantityNotPositive }],
  ])('refuses name %j with quantity %j', (name, quantity, errors) => {
    const result = parseProductInput(name, quantity);
    expect(result.ok).toBe(false);
    const said = result.ok
      ? {}
      : Object.fromEntries(Object.entries(result.errors).map(([k, s]) => [k, s.key]));
    expect(said).toEqual(errors);
  });

  it('explains each refusal in words, with the limits in them', () => {
    const result = parseProductInput('x'.repeat(201), '10000');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(inEnglish(result.errors.name!)).toBe('Keep the name to 200 characters or fewer.');
    expect(inEnglish(result.errors.quantity!)).toBe('Quantity must be 9,999 or less.');
  });

  it.each([
    ['Milk', '1', 'Milk', 1],
    ['  Oat   milk ', '2', 'Oat milk', 2],
    ['Flour', '1.5', 'Flour', 1.5],
    ['x'.repeat(200), '9999', 'x'.repeat(200), 9999],
    ['🍎'.repeat(200), '1', '🍎'.repeat(200), 1],
  ])('accepts name %j with quantity %j', (name, quantity, cleaned, q) => {
    expect(parseProductInput(name, quantity)).toEqual({
      ok: true,
      value: { name: cleaned, quantity: q },
    });
  });
});

describe('names', () => {
  it('removes bidi overrides and isolates so a name shows as what it is', () => {
    expect(cleanName('\u202Egnp.exe\u202C')).toBe('gnp.exe');
    expect(cleanName('a\u2066b\u2069c')).toBe('abc');
  });

  it('stores names in NFC', () => {
    expect(cleanName('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('matches names ignoring case, surrounding space and normalisation form', () => {
    expect(nameKey('  CAFE\u0301 ')).toBe(nameKey('café'));
    expect(nameKey('Milk')).not.toBe(nameKey('Silk'));
  });
});

describe('a name is counted and cleaned as a person sees it, and never cut', () => {
  const family = '👨\u200D👩\u200D👧\u200D👦';

  it.each([
    ['150 family emoji', family.repeat(150)],
    ['200 flags', '🇩🇪'.repeat(200)],
    ['200 letters with a dot above (two code points each)', 'q\u0307'.repeat(200)],
    ['199 letters and a trailing zero-width space', `${'x'.repeat(199)}y\u200B`],
  ])('accepts %s: 200 characters or fewer to the eye', (_what, name) => {
    const result = parseProductInput(name, '1');
    expect(result.ok).toBe(true);
  });

  it.each([
    ['201 apples', '🍎'.repeat(201)],
    ['250 apples, which a 400-unit field would have cut to 200', '🍎'.repeat(250)],
    ['201 flags', '🇩🇪'.repeat(201)],
    ['201 letters with a dot above', 'q\u0307'.repeat(201)],
    ['one letter under 4,000 stacked accents', `q${'\u0307'.repeat(4000)}`],
  ])('refuses %s as too long, whole', (_what, name) => {
    const result = parseProductInput(name, '1');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(inEnglish(result.errors.name!)).toBe('Keep the name to 200 characters or fewer.');
  });

  it.each([
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['a joiner, a word joiner and a byte order mark', '\u200D\u2060\uFEFF'],
    ['soft hyphens', '\u00AD\u00AD'],
    ['a variation selector', '\uFE0F'],
    ['Hangul fillers', '\u3164\u115F\u1160'],
    ['a Mongolian vowel separator', '\u180E'],
    ['a combining grapheme joiner', '\u034F'],
    ['no-break and ideographic spaces', '\u00A0\u3000'],
  ])('calls a name of only %s blank', (_what, name) => {
    const result = parseProductInput(name, '1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(inEnglish(result.errors.name!)).toBe('Enter a product name.');
  });

  it('stores a name without the invisible characters that came with it', () => {
    expect(parseProductInput('\u200BMilk\u2060\u00AD', '1')).toEqual({
      ok: true,
      value: { name: 'Milk', quantity: 1 },
    });
  });

  it('refuses a list name no one can see, and a list name too long, with the list messages', () => {
    expect(parseListName('\u200B\u3164')).toEqual({
      ok: false,
      message: { key: messages.listNameBlank },
    });
    expect(parseListName('🇩🇪'.repeat(201))).toEqual({
      ok: false,
      message: { key: messages.listNameTooLong },
    });
    expect(parseListName(family.repeat(150))).toEqual({ ok: true, value: family.repeat(150) });
  });
});

describe('prices', () => {
  it('takes "-0" as a price of nothing, so it can never show as "-0.00"', () => {
    const price = parsePrice('-0');
    expect(price.ok).toBe(true);
    expect(price.ok && Object.is(price.value, 0)).toBe(true);
  });

  it('still refuses a price below nothing', () => {
    expect(parsePrice('-0.01')).toEqual({ ok: false, message: { key: messages.priceNegative } });
  });
});

describe('units and notes', () => {
  it('are optional: blank, or only invisible characters, is none', () => {
    expect(parseUnit('')).toEqual({ ok: true, value: null });
    expect(parseUnit(' \u200B ')).toEqual({ ok: true, value: null });
    expect(parseNote('   ')).toEqual({ ok: true, value: null });
  });

  it('are cleaned as names are and kept as typed', () => {
    expect(parseUnit('  kg ')).toEqual({ ok: true, value: 'kg' });
    expect(parseUnit('盒')).toEqual({ ok: true, value: '盒' });
    expect(parseNote('the  big pack')).toEqual({ ok: true, value: 'the big pack' });
  });

  it('are refused whole when too long, never cut', () => {
    expect(parseUnit('a'.repeat(17))).toEqual({
      ok: false,
      message: { key: messages.unitTooLong },
    });
    expect(parseUnit('👨‍👩‍👧'.repeat(16)).ok).toBe(true);
    expect(parseNote('n'.repeat(201))).toEqual({
      ok: false,
      message: { key: messages.noteTooLong },
    });
  });
});
