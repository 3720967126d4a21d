import { says } from '../i18n/sentence';
import { readEvent, type StoredEvent } from '../events';
import { REDUCER_VERSION } from '../model';
import { StorageError, outdated } from './errors';

/**
 * Stored rows as this build reads them: older versions upcast. A row written by a newer Basket
 * stays in the log untouched, but this build must not fold or write past it.
 */
export function readStored(rows: readonly unknown[]): StoredEvent[] {
  return rows.map((row) => {
    const result = readEvent(row);
    if (result.ok) return { ...result.event, seq: (row as { seq: number }).seq };
    if (result.reason === 'unknown') throw outdated();
    throw new StorageError(says('unreadable', { detail: result.message }), 'failed');
  });
}

/** A read model written by a newer reducer must not be overwritten by this older build. */
export function checkReducerVersion(version: number | undefined): void {
  if (version !== undefined && version > REDUCER_VERSION) throw outdated();
}
