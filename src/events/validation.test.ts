import { describe, expect, it } from 'vitest';
import { cleanName, nameKey } from './names';
import { messages, parseProductInput } from './validation';
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
