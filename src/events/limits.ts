import { jsonLength } from './json-length';

/**
 * How much history Basket keeps, as one set: the writer refuses a change, and an import a merge,
 * that would take the log past these, and a backup file is accepted up to them, so Basket always
 * imports every file it exports. People are warned from `LOG_WARN_AT` of either on.
 *
 * Years of a household's shopping are a few tens of thousands of events; a backup of 250,000
 * with long names stays well inside what a phone's browser parses.
 */
export const LOG_LIMITS = {
  /** Events in the log. */
  events: 250_000,
  /** Characters of the events' JSON in a backup file (a file's header adds a few dozen). */
  chars: 100 * 1024 * 1024,
} as const;

/** What a backup file's header and set-aside rows may add to its events. */
export const FILE_HEADER_ALLOWANCE = 1024 * 1024;

/** The share of either limit from which Basket says the history is getting large. */
export const LOG_WARN_AT = 0.8;

/** How full the log is: the larger of its two shares, 0..1 (or more, for a log made elsewhere). */
export const logShare = (size: { events: number; chars: number }): number =>
  Math.max(size.events / LOG_LIMITS.events, size.chars / LOG_LIMITS.chars);

/** One event's share of a backup file: its JSON (without a device's `seq`) and a comma. */
export function eventChars(event: object): number {
  const { seq } = event as { seq?: unknown };
  // Without the device's `seq` ("seq":N and its comma), as a backup writes the event.
  const seqChars = seq === undefined ? 0 : 7 + jsonLength(seq);
  return jsonLength(event) - seqChars + 1;
}
