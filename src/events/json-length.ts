/**
 * How many characters `JSON.stringify(value)` writes, worked out without writing them: counting a
 * history's size for its limits must not make a string per event (a fold of 100,000 events made
 * 100,000, and their garbage was most of what the fold cost). Follows JSON.stringify exactly for
 * what events hold: strings, finite numbers, booleans, null, arrays and plain objects, with
 * `undefined` members left out. A property checks it against JSON.stringify.
 */
export function jsonLength(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringLength(value);
    case 'number':
      return numberLength(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (value === null) return 4;
      if (Array.isArray(value)) {
        let n = 2 + Math.max(0, value.length - 1);
        for (const item of value) n += item === undefined ? 4 : jsonLength(item);
        return n;
      }
      let n = 2;
      let members = 0;
      for (const key of Object.keys(value)) {
        const member = (value as Record<string, unknown>)[key];
        if (member === undefined || typeof member === 'function') continue;
        n += stringLength(key) + 1 + jsonLength(member);
        members += 1;
      }
      return n + Math.max(0, members - 1);
    }
    default:
      return 0;
  }
}

/** A number as JSON writes it; a whole one is counted without writing it (times are). */
function numberLength(value: number): number {
  if (!Number.isFinite(value)) return 4;
  if (!Number.isSafeInteger(value)) return String(value).length;
  let n = value < 0 ? 2 : 1;
  for (let rest = Math.abs(value); rest >= 10; rest = Math.floor(rest / 10)) n += 1;
  return n;
}

/** A string as JSON writes it: quoted, with `"`, `\` and control characters escaped. */
function stringLength(text: string): number {
  let n = text.length + 2;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) continue;
    if (
      c === 0x22 ||
      c === 0x5c ||
      c === 0x08 ||
      c === 0x09 ||
      c === 0x0a ||
      c === 0x0c ||
      c === 0x0d
    ) {
      n += 1;
    } else if (c < 0x20) {
      n += 5;
    } else if (c <= 0xdbff && i + 1 < text.length) {
      // A high surrogate: with its low one it is written as is; alone, as \\uXXXX.
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else n += 5;
    } else {
      n += 5;
    }
  }
  return n;
}
