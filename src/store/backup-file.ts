import * as v from 'valibot';
import {
  FILE_HEADER_ALLOWANCE,
  LOG_LIMITS,
  readEvent,
  type BasketEvent,
  type StoredEvent,
} from '../events';
import { says, type Sentence } from '../events/sentence';
import type { SetAsideRow } from './read';

export const BACKUP_FORMAT = 'basket-backup';
export const BACKUP_VERSION = 1;
/**
 * What an import will read: the log's own limits (`LOG_LIMITS`), which the writer keeps too, so
 * whatever Basket exports it imports. Characters, as JavaScript counts a string's length.
 */
export const MAX_FILE_CHARS = LOG_LIMITS.chars + FILE_HEADER_ALLOWANCE;
/** A character is at most 3 bytes of UTF-8: a file larger than this cannot be within the limit. */
export const MAX_FILE_BYTES = 3 * MAX_FILE_CHARS;
export const MAX_BACKUP_EVENTS = LOG_LIMITS.events;

export const tooLarge = () =>
  says('fileTooLarge', { mb: Math.round(MAX_FILE_CHARS / 1024 / 1024) });

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  events: BasketEvent[];
  /** Stored rows the exporting Basket could not read, verbatim: kept, never dropped. */
  unreadable?: object[];
}

/** The whole log as a file a person owns: every event envelope, oldest first. */
export function backupOf(
  log: readonly StoredEvent[],
  exportedAt: number,
  unreadable: readonly object[] = [],
): BackupFile {
  const events = log.map(({ seq: _seq, ...event }) => event as BasketEvent);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    events,
    ...(unreadable.length ? { unreadable: [...unreadable] } : {}),
  };
}

export function backupFileName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `basket-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.json`;
}

export type ParsedBackup =
  { ok: true; events: BasketEvent[]; unreadable: SetAsideRow[] } | { ok: false; message: Sentence };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKeyError extends Error {}

const headerSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  events: v.array(v.unknown()),
  unreadable: v.optional(v.array(v.looseObject({}, 'a row kept aside must be an object'))),
});

const refuse = (message: Sentence): ParsedBackup => ({ ok: false, message });

/**
 * Reads a backup file's text, refusing — before anything is written — whatever this build
 * cannot trust: each refusal says what is wrong. Validation yields to the page every few
 * thousand events so a large file never freezes it.
 */
export async function parseBackup(
  text: string,
  onProgress: (checked: number, total: number) => void = () => {},
): Promise<ParsedBackup> {
  if (text.length > MAX_FILE_CHARS) return refuse(tooLarge());
  if (text.trim() === '') return refuse(says('fileEmpty'));
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value: unknown) => {
      // An own "__proto__" key is harmless in JSON.parse but poisonous to whatever later
      // spreads or assigns the object: refuse it, and its cousins, anywhere in the file.
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKeyError) {
      return refuse(says('forbiddenKey', { key: error.message }));
    }
    return refuse(says('notJson'));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse(says('notBackup'));
  }
  const header = data as Record<string, unknown>;
  if (header.format !== BACKUP_FORMAT) return refuse(says('notBackup'));
  if (typeof header.version === 'number' && header.version > BACKUP_VERSION) {
    return refuse(says('newerFormat', { version: header.version }));
  }
  const parsed = v.safeParse(headerSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') || 'the file';
    return refuse(says('damaged', { where, detail: issue.message }));
  }
  const raw = parsed.output.events;
  if (raw.length > MAX_BACKUP_EVENTS) {
    return refuse(says('tooManyChanges', { max: MAX_BACKUP_EVENTS }));
  }
  const events: BasketEvent[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < raw.length; i += 1) {
    if (i % 2000 === 0 && i > 0) {
      onProgress(i, raw.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const result = readEvent(raw[i]);
    if (!result.ok) {
      return refuse(
        result.reason === 'unknown'
          ? says('newerChanges', { detail: result.message })
          : says('changeInvalid', { index: i + 1, detail: result.message }),
      );
    }
    if (ids.has(result.event.id)) {
      return refuse(says('changeTwice', { index: i + 1, id: result.event.id }));
    }
    ids.add(result.event.id);
    events.push(result.event);
  }
  // Rows the exporting Basket set aside: this build may read some (it is newer); the rest are
  // kept aside again, so a backup's every row survives every import.
  const unreadable: SetAsideRow[] = [];
  for (const row of parsed.output.unreadable ?? []) {
    const result = readEvent(row);
    if (result.ok && !ids.has(result.event.id)) {
      ids.add(result.event.id);
      events.push(result.event);
    } else if (!result.ok) {
      const { streamId, streamVersion } = row as { streamId?: unknown; streamVersion?: unknown };
      unreadable.push({
        seq: 0,
        reason: result.reason,
        detail: result.message,
        streamId,
        streamVersion,
        row,
      });
    }
  }
  onProgress(raw.length, raw.length);
  return { ok: true, events, unreadable };
}
