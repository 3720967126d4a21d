// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a name display
// as something other than what it is; control characters have no business in a product name.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u202A-\u202E\u2066-\u2069\u0000-\u001F\u007F-\u009F]/g;

// Characters no one sees, and which change nothing about how their neighbours look: zero-width
// spaces, word joiners, byte order marks, soft hyphens, bidi marks, Hangul fillers, the Mongolian
// vowel separator, invisible maths operators… (every default-ignorable code point but the ones
// `joinsOrSelects` keeps), and lone surrogates, which show as "�" or nothing.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}|[\uD800-\uDFFF]/gu;

/**
 * The invisible characters that shape or pick the look of the characters beside them, and so
 * stay inside a name: joiners (ZWNJ, ZWJ, CGJ: "👨‍👩‍👧", Persian words), variation selectors
 * ("❤️", Mongolian and CJK variants), emoji tags (the flag of Scotland) and the Hangul choseong
 * and jungseong fillers, which are parts of old Hangul syllables.
 */
function joinsOrSelects(char: string): boolean {
  const c = char.codePointAt(0)!;
  return (
    c === 0x034f ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x180b && c <= 0x180f && c !== 0x180e) ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0xe0020 && c <= 0xe007f) ||
    (c >= 0xe0100 && c <= 0xe01ef)
  );
}

// Joiners at either end of a name have nothing to join.
const EDGE_JOINERS = /^[\s\u034F\u200C\u200D]+|[\s\u034F\u200C\u200D]+$/gu;

// All a person cannot see: spaces, every default-ignorable code point (joiners, selectors and
// Hangul fillers too) and the blank braille pattern.
const UNSEEN = /[\s\p{Default_Ignorable_Code_Point}\u2800]/gu;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Printable ASCII: no control, invisible, bidi, combining or compatibility characters. */
const PLAIN = /^[\x20-\x7E]*$/;
const SPACES = / +/g;

/** What Basket 0.1 to 0.x did to a name: safe characters, NFC, single spaces, trimmed. */
function safeName(raw: string): string {
  return raw.replace(UNSAFE, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The name as it is stored and shown: safe and visible characters only, NFC, single spaces,
 * trimmed. A name with nothing in it a person could see is blank: "".
 */
export function cleanName(raw: string): string {
  if (PLAIN.test(raw)) return raw.replace(SPACES, ' ').trim();
  const visible = raw.replace(INVISIBLE, (char) => (joinsOrSelects(char) ? char : ''));
  const name = safeName(safeName(visible).replace(EDGE_JOINERS, ''));
  return name.replace(UNSEEN, '') === '' ? '' : name;
}

/**
 * Whether `name` is one an earlier Basket could have stored: safe characters, NFC, single
 * spaces, trimmed, not empty. It may still hold invisible characters that `cleanName` now
 * removes, or be nothing but them.
 */
export function isSafeName(name: string): boolean {
  return name.length > 0 && safeName(name) === name;
}

/**
 * What two names must share to be "the same product": all that tells them apart only to a
 * computer is ignored. Case, spacing, invisible characters (in names stored before they were
 * removed, too), the Unicode form and compatibility variants (full-width "Ｍｉｌｋ", ligatures,
 * other kinds of space) don't count.
 */
export function nameKey(name: string): string {
  // A fold asks for one name's key several times (the add's row, its purchase, the name index):
  // the keys of the names seen last are kept.
  const known = keys.get(name);
  if (known !== undefined) return known;
  if (keys.size >= KEEP_KEYS) keys.clear();
  const key = keyOf(name);
  keys.set(name, key);
  return key;
}

const KEEP_KEYS = 20_000;
const keys = new Map<string, string>();

function keyOf(name: string): string {
  // Most names are plain printable ASCII, where all of the below comes to this (a fold of 10,000
  // products computes 20,000 keys: the general path cost 5× the whole fold of the year before).
  if (PLAIN.test(name)) return name.replace(SPACES, ' ').trim().toLowerCase();
  const visible = cleanName(name).replace(IGNORABLE, '');
  return safeName(visible.normalize('NFKC').toLowerCase().normalize('NFKC'));
}

/**
 * Made on first use: a segmenter loads the grapheme rules, about 12 ms of a boot (47 ms with the
 * CPU slowed 4×), and only a name longer than 200 code units is ever counted with it.
 */
let graphemes: Intl.Segmenter | null | undefined;

/**
 * Length as a person counts it: the characters they see (grapheme clusters), so an "é" written
 * as e + accent, a flag or a family emoji each count once.
 */
export function nameLength(name: string): number {
  graphemes ??=
    typeof Intl.Segmenter === 'function'
      ? new Intl.Segmenter('en', { granularity: 'grapheme' })
      : null;
  return graphemes ? [...graphemes.segment(name)].length : [...name].length;
}
