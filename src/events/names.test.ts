import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { storedNameSchema } from './fields';
import { cleanName, nameKey, nameLength } from './names';
import { nameFits } from './validation';

const family = '👨\u200D👩\u200D👧\u200D👦';
const scotland = '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';

describe('a name is as long as a person sees it', () => {
  it.each([
    ['Milk', 4],
    ['Cafe\u0301', 4],
    ['q\u0307', 1],
    ['🍎', 1],
    ['🇩🇪', 1],
    [family, 1],
    [scotland, 1],
    ['❤\uFE0F', 1],
    ['牛奶', 2],
  ])('%j shows %i characters', (name, length) => {
    expect(nameLength(name)).toBe(length);
  });
});

describe('a name no one can see is blank', () => {
  it.each([
    ['zero-width spaces', '\u200B\u200B'],
    ['zero-width non-joiner', '\u200C'],
    ['zero-width joiner', '\u200D'],
    ['word joiner', '\u2060'],
    ['byte order mark', '\uFEFF'],
    ['soft hyphen', '\u00AD'],
    ['a variation selector alone', '\uFE0F'],
    ['a variation selector past the BMP alone', '\u{E0100}'],
    ['Hangul fillers', '\u3164\u115F\u1160\uFFA0'],
    ['Mongolian vowel separator', '\u180E'],
    ['combining grapheme joiner', '\u034F'],
    ['bidi marks', '\u200E\u200F\u061C'],
    ['invisible maths', '\u2061\u2062\u2063\u2064'],
    ['emoji tags alone', '\u{E0067}\u{E0062}\u{E007F}'],
    ['a blank braille cell', '\u2800'],
    ['a lone surrogate', '\uD83C'],
    ['all sorts of space', ' \u00A0\u2003\u3000\u202F\t\n'],
    ['a mix of them', ' \u200B\u00A0\u2060\u3164\uFE0F '],
  ])('%s', (_what, name) => {
    expect(cleanName(name)).toBe('');
  });
});

describe('invisible characters are taken out of a name, nothing a person sees is', () => {
  it.each([
    ['Milk\u200B', 'Milk'],
    ['\uFEFFMilk', 'Milk'],
    ['Oat\u00ADmilk', 'Oatmilk'],
    ['Mi\u2060lk', 'Milk'],
    ['Milk\u200D', 'Milk'],
    ['\u200CMilk', 'Milk'],
    ['Milk \u200D', 'Milk'],
    ['Oat\u200B \u200Bmilk', 'Oat milk'],
    ['Milk\u180E', 'Milk'],
    ['Milk\uD800', 'Milk'],
    ['\u200FMilk\u200E', 'Milk'],
  ])('%j is stored as %j', (typed, stored) => {
    expect(cleanName(typed)).toBe(stored);
  });

  it.each([
    ['a family emoji, joined', family],
    ['a flag made of tags', scotland],
    ['a heart in emoji style', '❤\uFE0F'],
    ['a Persian word with its non-joiner', 'می\u200Cخواهم'],
    ['full-width letters', 'Ｍｉｌｋ'],
    ['an old Hangul syllable with a filler', '\u115F\u1161'],
  ])('keeps %s as typed', (_what, name) => {
    expect(cleanName(name)).toBe(name);
  });
});

describe('names that look the same are the same product', () => {
  it.each([
    ['Milk\u200B', 'a zero-width space'],
    ['M\u00ADilk', 'a soft hyphen'],
    ['Mi\u200Dlk', 'a joiner between letters'],
    ['Milk\uFE0F', 'a variation selector'],
    ['Ｍｉｌｋ', 'full-width letters'],
    ['  MILK ', 'capitals and spaces'],
  ])('%j (with %s) is Milk', (name) => {
    expect(nameKey(name)).toBe(nameKey('Milk'));
  });

  it.each([
    ['Oat\u00A0milk', 'a no-break space'],
    ['Oat\u3000milk', 'an ideographic space'],
    ['Oat\u2003milk', 'an em space'],
    ['Oat\u202Fmilk', 'a narrow no-break space'],
    ['Oat \u200B milk', 'a space and a zero-width space'],
  ])('%j (with %s) is Oat milk', (name) => {
    expect(nameKey(name)).toBe(nameKey('Oat milk'));
  });

  it('tells apart names that look different', () => {
    expect(nameKey('Milk')).not.toBe(nameKey('Silk'));
    expect(nameKey('Milk')).not.toBe(nameKey('Mil k'));
    expect(nameKey('café')).not.toBe(nameKey('cafe'));
    expect(nameKey('牛奶')).not.toBe(nameKey('牛肉'));
  });

  it('sees a name stored with invisible characters by an older Basket as its visible twin', () => {
    // Basket 0.1 stored "Milk\u200B" as it was typed; it is still the Milk on the list.
    expect(nameKey('Milk\u200B')).toBe(nameKey(cleanName('Milk\u200B')));
  });
});

// Any text at all: every code point, lone surrogates, and the characters that are hard to see.
const tricky = fc.constantFrom(
  ...' \u00A0\u3000\u200B\u200C\u200D\u2060\uFEFF\u00AD\uFE0F\u3164\u115F\u1160\u180E\u034F\u0301\u202E\u2066\u0007\u2800\uD83C\uDF4E',
);
const anyText = fc.string({
  unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  maxLength: 40,
});

describe('what Basket writes, Basket reads', () => {
  it('cleans a name once and for all: cleaning it again changes nothing, nor does its key', () => {
    fc.assert(
      fc.property(anyText, (typed) => {
        const name = cleanName(typed);
        expect(cleanName(name)).toBe(name);
        expect(nameKey(name)).toBe(nameKey(typed));
      }),
    );
  });

  it('stores every name it accepts as a name it can read back', () => {
    fc.assert(
      fc.property(anyText, (typed) => {
        const name = cleanName(typed);
        if (name === '' || !nameFits(name)) return;
        expect(v.is(storedNameSchema, name)).toBe(true);
      }),
    );
  });
});

describe('the quick way for plain names says what the whole way says', () => {
  it('property: for printable ASCII, the key and the cleaned name are those of the same name with an invisible character in it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...' aB9-.,!~'.split('')), maxLength: 30 }),
        fc.nat(),
        (name, at) => {
          const cut = at % (name.length + 1);
          const slow = `${name.slice(0, cut)}\u200B${name.slice(cut)}`;
          expect(nameKey(name)).toBe(nameKey(slow));
          expect(cleanName(name)).toBe(cleanName(slow));
        },
      ),
      { seed: 11_009, numRuns: 500 },
    );
  });
});
