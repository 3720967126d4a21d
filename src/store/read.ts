import { readEvent, type StoredEvent } from '../events';
import { outdated } from './errors';

/** A stored row this build cannot read, with where it sits in its list (if it says). */
export interface SetAsideRow {
  readonly seq: number;
  readonly reason: 'unknown' | 'invalid';
  /** What this build found wrong with it, in English, for the console and a bug report. */
  readonly detail: string;
  readonly streamId?: unknown;
  readonly streamVersion?: unknown;
  /** The row exactly as it was stored, minus its log position: what an export carries. */
  readonly row: object;
}

export interface LogRead {
  readonly events: StoredEvent[];
  readonly unreadable: SetAsideRow[];
}

/**
 * Stored rows as this build reads them: older versions upcast. A row it cannot read — written
 * by a newer Basket, or damaged — is never dropped and never stops the rest from being read: it
 * is set aside, kept in the log, and reported, so opening, exporting and the rest of the list go
 * on.
 */
export function readStored(rows: readonly unknown[]): LogRead {
  const events: StoredEvent[] = [];
  const unreadable: SetAsideRow[] = [];
  for (const row of rows) {
    const result = readEvent(row);
    const { seq, ...content } = row as { seq: number; streamId?: unknown; streamVersion?: unknown };
    if (result.ok) {
      events.push({ ...result.event, seq });
    } else {
      unreadable.push({
        seq,
        reason: result.reason,
        detail: result.message,
        streamId: content.streamId,
        streamVersion: content.streamVersion,
        row: content,
      });
    }
  }
  return { events, unreadable };
}

/** A read model folded by a newer projection must not be overwritten by this older build. */
export function checkReducerVersion(version: number | undefined, current: number): void {
  if (version !== undefined && version > current) throw outdated();
}
