// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a name display
// as something other than what it is; control characters have no business in a product name.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u202A-\u202E\u2066-\u2069\u0000-\u001F\u007F-\u009F]/g;

/** The name as it is stored and shown: safe characters, NFC, single spaces, trimmed. */
export function cleanName(raw: string): string {
  return raw.replace(UNSAFE, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** What two names must share to be "the same product": case, spacing and Unicode form ignored. */
export function nameKey(name: string): string {
  return cleanName(name).toLowerCase().normalize('NFC');
}

/** Length as a person counts it: code points, not UTF-16 units. */
export function nameLength(name: string): number {
  return [...name].length;
}
