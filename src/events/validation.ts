import * as v from 'valibot';
import { cleanName, nameLength } from './names';
import type { MessageKey, Sentence } from './sentence';

/** The most characters a name may show (grapheme clusters: what a person counts). */
export const NAME_MAX = 200;
/**
 * However few characters it shows, a name takes at most this much room (UTF-16 code units): 20
 * per character, more than any real flag or emoji sequence needs, but not the thousands of
 * stacked accents one "character" can carry.
 */
export const NAME_MAX_UNITS = 4000;
export const QUANTITY_MAX = 9999;
export const PRICE_MAX = 100_000;
/** A unit ("kg", "pack", "盒") is a word or two, never a sentence. */
export const UNIT_MAX = 16;
/** A note ("lactose free", "the big pack") is a line, not a letter. */
export const NOTE_MAX = 200;

/**
 * What each rule says when a value breaks it: message keys (see `src/i18n`), so the person reads
 * it in their language, right beside the field.
 */
export const messages = {
  nameBlank: 'nameBlank',
  nameTooLong: 'nameTooLong',
  listNameBlank: 'listNameBlank',
  listNameTooLong: 'listNameTooLong',
  quantityNotNumber: 'quantityNotNumber',
  quantityNotPositive: 'quantityNotPositive',
  quantityTooLarge: 'quantityTooLarge',
  quantityTooPrecise: 'quantityTooPrecise',
  priceNotNumber: 'priceNotNumber',
  priceNegative: 'priceNegative',
  priceTooLarge: 'priceTooLarge',
  priceTooPrecise: 'priceTooPrecise',
  unitTooLong: 'unitTooLong',
  noteTooLong: 'noteTooLong',
} as const satisfies Record<string, MessageKey>;

declare const validName: unique symbol;
declare const validQuantity: unique symbol;
declare const validPrice: unique symbol;
/** A name that has passed validation: only values of this type reach a command. */
export type ProductName = string & { readonly [validName]: true };
export type Quantity = number & { readonly [validQuantity]: true };
export type Price = number & { readonly [validPrice]: true };
declare const validUnit: unique symbol;
declare const validNote: unique symbol;
export type Unit = string & { readonly [validUnit]: true };
export type Note = string & { readonly [validNote]: true };

/** Whether a name is short enough, as a person counts it, and takes no absurd room. */
export function nameFits(name: string): boolean {
  // Every character is at least one code unit, so a short name needs no counting.
  return name.length <= NAME_MAX || (name.length <= NAME_MAX_UNITS && nameLength(name) <= NAME_MAX);
}

/** Never cut: a name too long is refused whole, and a name no one can see is blank. */
const nameSchema = (blank: string, tooLong: string) =>
  v.pipe(
    v.string(blank),
    v.transform(cleanName),
    v.minLength(1, blank),
    v.check(nameFits, tooLong),
  );

const productNameSchema = nameSchema(messages.nameBlank, messages.nameTooLong);
const listNameSchema = nameSchema(messages.listNameBlank, messages.listNameTooLong);

export const quantitySchema = v.pipe(
  v.number(messages.quantityNotNumber),
  v.finite(messages.quantityNotNumber),
  v.gtValue(0, messages.quantityNotPositive),
  v.maxValue(QUANTITY_MAX, messages.quantityTooLarge),
  v.check((q) => Math.round(q * 100) / 100 === q, messages.quantityTooPrecise),
);

/** A price per unit, in whatever currency the person shops in. */
export const priceSchema = v.pipe(
  v.number(messages.priceNotNumber),
  v.finite(messages.priceNotNumber),
  v.minValue(0, messages.priceNegative),
  v.maxValue(PRICE_MAX, messages.priceTooLarge),
  v.check((p) => Math.round(p * 100) / 100 === p, messages.priceTooPrecise),
);

/** Text from a number field: "" or anything unparsable is not a number. */
const quantityTextSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, messages.quantityNotNumber),
  v.transform(Number),
  quantitySchema,
);

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: Sentence };

function field<T>(schema: v.GenericSchema<unknown, unknown>, input: unknown): FieldResult<T> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output as T };
  return { ok: false, message: { key: result.issues[0].message } };
}

export const parseName = (input: string): FieldResult<ProductName> =>
  field(productNameSchema, input);

/** A list's name follows the same rules as a product's, with its own messages. */
export const parseListName = (input: string): FieldResult<ProductName> =>
  field(listNameSchema, input);

/** An empty price field means "no price"; anything else must be a sound price. */
export function parsePrice(input: string): FieldResult<Price | null> {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  const price = Number(text);
  // "-0" is a price of nothing, not a negative one: stored as 0, it never shows as "-0.00".
  return field(priceSchema, price === 0 ? 0 : price);
}

/** Short free text that may be left out: cleaned as names are, "" (or only invisibles) is none. */
const optionalText = (max: number, tooLong: string) =>
  v.pipe(
    v.string(),
    v.transform(cleanName),
    v.check((text) => nameLength(text) <= max, tooLong),
    v.transform((text) => (text === '' ? null : text)),
  );

const unitTextSchema = optionalText(UNIT_MAX, messages.unitTooLong);
const noteTextSchema = optionalText(NOTE_MAX, messages.noteTooLong);

/** A unit field: empty means none; else a few visible characters, kept as typed. */
export const parseUnit = (input: string): FieldResult<Unit | null> => field(unitTextSchema, input);

/** A note field: empty means none. Never cut: a note too long is refused whole. */
export const parseNote = (input: string): FieldResult<Note | null> => field(noteTextSchema, input);

/** Accepts what an `<input type="number">` holds: its text value. */
export const parseQuantity = (input: string | number): FieldResult<Quantity> =>
  field(typeof input === 'number' ? quantitySchema : quantityTextSchema, input);

export interface ProductInput {
  name: ProductName;
  quantity: Quantity;
}

export type InputResult =
  | { ok: true; value: ProductInput }
  | { ok: false; errors: { name?: Sentence; quantity?: Sentence } };

/** Validates a product form before anything is dispatched; every field's problem is reported. */
export function parseProductInput(name: string, quantity: string | number): InputResult {
  const n = parseName(name);
  const q = parseQuantity(quantity);
  if (n.ok && q.ok) return { ok: true, value: { name: n.value, quantity: q.value } };
  return {
    ok: false,
    errors: { ...(n.ok ? {} : { name: n.message }), ...(q.ok ? {} : { quantity: q.message }) },
  };
}
