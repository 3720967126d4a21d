import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { decide, foldLog } from '../model';
import { added } from '../test/events';
import { testContext } from '../test/harness';
import { storedNameSchema } from './fields';
import { readEvent } from './upcast';
import { parseName, parseProductInput } from './validation';

const reads = (name: string) => readEvent(added(1, name)).ok;

describe('a list an earlier Basket stored still reads', () => {
  // Basket 0.1 removed control and bidi characters, normalised to NFC, collapsed spaces and
  // trimmed, and counted up to 200 code points. It kept invisible characters as they were typed.
  it.each([
    ['a name with a zero-width space', 'Milk\u200B'],
    ['a name with a soft hyphen', 'Oat\u00ADmilk'],
    ['a name of nothing but zero-width spaces', '\u200B\u200B'],
    ['a name of a Hangul filler', '\u3164'],
    ['a name of 200 code points', 'x'.repeat(200)],
    ['a name of 100 apples (200 code units)', '🍎'.repeat(100)],
  ])('%s', (_what, name) => {
    expect(reads(name)).toBe(true);
  });

  it('and its Milk with a zero-width space is the Milk a person adds now', () => {
    const old = readEvent(added(1, 'Milk\u200B'));
    if (!old.ok) throw new Error(old.message);
    const list = foldLog([old.event]);
    const milk = parseProductInput('Milk', 1);
    if (!milk.ok) throw new Error('Milk × 1 is sound input');

    const decision = decide(
      { type: 'AddProduct', streamId: old.event.streamId, ...milk.value },
      list,
      testContext(),
    );
    expect(decision).toMatchObject({
      ok: true,
      events: [
        { type: 'ProductQuantityChanged', payload: { productId: 'product-1', quantity: 2 } },
      ],
    });
  });
});

describe('what no Basket ever stored is refused', () => {
  it.each([
    ['an empty name', ''],
    ['a name of spaces', '   '],
    ['a name with spaces around it', ' Milk '],
    ['a name with two spaces in a row', 'Oat  milk'],
    ['a name with a bidi override', '\u202Egnp.exe'],
    ['a name with a control character', 'Milk\u0007'],
    ['a name not in NFC', 'Cafe\u0301'],
    ['a name of 201 characters', 'x'.repeat(201)],
    ['a name of 4,001 code units in one character', `q${'\u0307'.repeat(4000)}`],
  ])('%s', (_what, name) => {
    expect(reads(name)).toBe(false);
  });
});

describe('names this Basket stores', () => {
  it.each([
    ['150 family emoji', '👨\u200D👩\u200D👧\u200D👦'.repeat(150)],
    ['200 flags', '🇩🇪'.repeat(200)],
    ['200 letters with a dot above', 'q\u0307'.repeat(200)],
  ])('read back: %s', (_what, typed) => {
    const name = parseName(typed);
    expect(name.ok).toBe(true);
    if (name.ok) expect(v.is(storedNameSchema, name.value)).toBe(true);
  });
});
