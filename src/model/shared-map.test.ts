import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedMap } from './shared-map';

type Op =
  { kind: 'set'; key: number; value: number } | { kind: 'delete'; key: number } | { kind: 'copy' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: fc.nat(40), value: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.nat(40) }),
  fc.constant({ kind: 'copy' as const }),
);

describe('SharedMap', () => {
  it('behaves as a Map, iteration order included, through any writes and copies', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), (ops) => {
        let shared = new SharedMap<number, number>([
          [1, 1],
          [2, 2],
          [3, 3],
        ]);
        let plain = new Map<number, number>([
          [1, 1],
          [2, 2],
          [3, 3],
        ]);
        // Every copy taken, with what it held then: later writes must leave it so.
        const kept: [SharedMap<number, number>, [number, number][]][] = [];
        for (const o of ops) {
          if (o.kind === 'set') {
            shared.set(o.key, o.value);
            plain.set(o.key, o.value);
          } else if (o.kind === 'delete') {
            expect(shared.delete(o.key)).toBe(plain.delete(o.key));
          } else {
            kept.push([shared, [...plain]]);
            shared = shared.copy();
            plain = new Map(plain);
          }
          expect(shared.size).toBe(plain.size);
        }
        expect([...shared]).toEqual([...plain]);
        expect([...shared.keys()]).toEqual([...plain.keys()]);
        expect([...shared.values()]).toEqual([...plain.values()]);
        const walked: [number, number][] = [];
        shared.forEach((value, key, map) => {
          expect(map).toBe(shared);
          walked.push([key, value]);
        });
        expect(walked).toEqual([...plain]);
        for (let key = 0; key <= 40; key += 1) {
          expect(shared.has(key)).toBe(plain.has(key));
          expect(shared.get(key)).toBe(plain.get(key));
        }
        for (const [copy, entries] of kept) expect([...copy]).toEqual(entries);
      }),
    );
  });

  it('settles its changes into a new base once there are many, and stays the same table', () => {
    let shared = new SharedMap<number, string>();
    const plain = new Map<number, string>();
    for (let i = 0; i < 2_000; i += 1) {
      shared = shared.copy();
      shared.set(i % 700, `v${i}`);
      plain.set(i % 700, `v${i}`);
      if (i % 3 === 0) {
        shared.delete((i * 7) % 700);
        plain.delete((i * 7) % 700);
      }
    }
    expect([...shared]).toEqual([...plain]);
  });

  it('is equal to another SharedMap of the same entries, whatever their history', () => {
    const a = new SharedMap([['x', 1]]).copy().set('y', 2);
    const b = new SharedMap([
      ['y', 2],
      ['x', 1],
    ]);
    expect(a).toEqual(b);
    expect(a).not.toEqual(new SharedMap([['x', 1]]));
  });
});
