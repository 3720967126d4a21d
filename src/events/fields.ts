import * as v from 'valibot';
import { isSafeName, nameLength } from './names';
import {
  NAME_MAX,
  NOTE_MAX,
  UNIT_MAX,
  nameFits,
  PRICE_MAX,
  priceSchema,
  QUANTITY_MAX,
  quantitySchema,
} from './validation';

/** Ids are UUIDs when Basket makes them; anything short, printable and unique is accepted. */
export const idSchema = v.pipe(
  v.string('an id must be text'),
  v.regex(/^[\w:.-]{1,100}$/, 'an id must be 1–100 letters, digits or - _ : .'),
);

export const streamIdSchema = v.pipe(
  v.string('a list id must be text'),
  v.regex(/^list:[\w-]{1,64}$/, 'a list id must look like list:name'),
);

/**
 * A name as stored, so it shows exactly as it was accepted. Basket writes only names that
 * `cleanName` leaves as they are and `nameFits`. It reads a little more: earlier Baskets kept
 * invisible characters (zero-width spaces, soft hyphens…) that `cleanName` now removes, and
 * counted characters as code points, so a name they stored may fail `cleanName(name) === name`.
 * Their history must still read, so a stored name needs only what every Basket ever ensured:
 * safe characters (no control or bidi override characters), NFC, single spaces, trimmed, not
 * empty, and no longer than 200 characters as a person counts them. `nameKey` ignores what
 * `cleanName` would remove, so such an old name is still the same product as its visible twin.
 */
export const storedNameSchema = v.pipe(
  v.string('a name must be text'),
  v.check(
    (name) => isSafeName(name) && nameFits(name),
    `a name must be 1–${NAME_MAX} characters, trimmed, without control or bidi override characters`,
  ),
);

/** Short stored text (a unit, a note): safe, trimmed, visible, at most `max` as a person counts. */
const storedText = (max: number, what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.check(
      (text) => isSafeName(text) && nameFits(text) && nameLength(text) <= max,
      `${what} must be 1–${max} characters, trimmed, without control characters`,
    ),
  );

export const storedUnitSchema = storedText(UNIT_MAX, 'a unit');
export const storedNoteSchema = storedText(NOTE_MAX, 'a note');

/**
 * Where a product stands in its aisle: any finite number, ordered low to high; a product that
 * was never moved stands at minus its add time, so the newest is first (see `placeOf`).
 */
export const storedRankSchema = v.pipe(
  v.number('a place must be a number'),
  v.finite('a place must be a finite number'),
  v.check((r) => Math.abs(r) <= 1e16, 'a place must be within ±10^16'),
);

/** Checked like the input schemas, but explained for whoever reads a damaged backup. */
const stored = (schema: v.GenericSchema<unknown, number>, explanation: string) =>
  v.pipe(
    v.number(explanation),
    v.check((value) => v.is(schema, value), explanation),
  );

export const storedQuantitySchema = stored(
  quantitySchema,
  `a quantity must be above 0 and at most ${QUANTITY_MAX}, with at most 2 decimals`,
);

export const storedPriceSchema = stored(
  priceSchema,
  `a price must be 0 to ${PRICE_MAX}, with at most 2 decimals`,
);

/** The first and last moments Basket records: 2000-01-01 and 2200-01-01 (epoch ms). */
export const TIME_MIN = 946_684_800_000;
export const TIME_MAX = 7_258_118_400_000;

/** Epoch ms between 2000 and 2200: anything else is not a time Basket wrote. */
export const timeSchema = v.pipe(
  v.number('a time must be a number'),
  v.integer('a time must be whole milliseconds'),
  v.minValue(TIME_MIN, 'a time must be after the year 2000'),
  v.maxValue(TIME_MAX, 'a time must be before the year 2200'),
);

export const positionSchema = v.pipe(
  v.number('a stream version must be a number'),
  v.integer('a stream version must be a whole number'),
  v.minValue(1, 'a stream version starts at 1'),
);

/** The most characters a device's name may show. */
export const DEVICE_NAME_MAX = 60;

/** A device's name, as its household sees it in the history: a short, safe, visible name. */
export const deviceNameSchema = v.pipe(
  v.string('a device name must be text'),
  v.check(
    (name) => isSafeName(name) && nameFits(name) && nameLength(name) <= DEVICE_NAME_MAX,
    `a device name must be 1–${DEVICE_NAME_MAX} characters, trimmed, without control characters`,
  ),
);
