import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLength } from './json-length';
import { eventChars } from './limits';

describe('counting what JSON.stringify writes, without writing it', () => {
  it('property: the same length as JSON.stringify, for any JSON value with any characters', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('json'), { maxLength: 4 }),
        fc.dictionary(text, fc.oneof(tie('json'), fc.constant(undefined)), { maxKeys: 4 }),
      ),
    })).json;
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonLength(v)).toBe(JSON.stringify(v).length);
      }),
      { seed: 11_010, numRuns: 2000 },
    );
  });

  it('an event’s share of a backup leaves its device-local seq out', () => {
    const event = { id: 'e1', type: 'ProductAdded', payload: { name: 'Milk "2%" \\ \n' } };
    expect(eventChars({ ...event, seq: 12345 })).toBe(JSON.stringify(event).length + 1);
    expect(eventChars(event)).toBe(JSON.stringify(event).length + 1);
  });
});
