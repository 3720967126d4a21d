import type { SyncPosition } from './sync-log';

/** The meta row that says a device shares its log, and how far it has got. */
export const SYNC_KEY = 'sync';

/** Where a device that shares has got to; null for a device that never joined. */
export async function readPosition(meta: {
  get(key: string): PromiseLike<unknown>;
}): Promise<SyncPosition | null> {
  const row = (await meta.get(SYNC_KEY)) as (SyncPosition & { key: string }) | undefined;
  return row ? { cursor: row.cursor, confirmedSeq: row.confirmedSeq } : null;
}
