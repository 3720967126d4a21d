import { LOG_LIMITS, type BasketEvent } from '../events';
import { says } from '../events/sentence';
import type { LogContext } from './dexie-context';
import { guarded } from './dexie-db';
import type { dexieReadModel } from './dexie-model';
import { dispatchEnd } from './dispatches';
import { StorageError } from './errors';
import { mergeLogs } from './merge';
import { readStored, type SetAsideRow } from './read';
import { readHead, writeSnapshot } from './snapshot';
import type { ImportResult, Progress } from './types';

/**
 * Merges a backup's events into the log by id and folds the merged log, in one transaction: a
 * failure or a closed tab leaves everything as it was (see `merge.ts` for the order).
 */
export function dexieImport<S>(ctx: LogContext<S>, model: ReturnType<typeof dexieReadModel<S>>) {
  const { db, P, both, keptAside, writable, writeChunk } = ctx;
  const { savedModel, rebuildAndSave, saveAs } = model;
  return async (
    incoming: readonly BasketEvent[],
    onProgress?: Progress,
    unreadable: readonly SetAsideRow[] = [],
  ): Promise<ImportResult<S>> => {
    writable();
    const result = await guarded(() =>
      db.transaction('rw', both, async () => {
        const [rows, head, aside] = await Promise.all([
          db.events.orderBy('seq').toArray(),
          readHead(db.meta),
          keptAside(),
        ]);
        const read = readStored(rows);
        const byId = new Map(rows.map((row) => [(row as { id?: unknown }).id, row]));
        const merge = mergeLogs(
          read.events.map((event) => ({ row: byId.get(event.id)!, event })),
          incoming,
        );
        if (merge.added === 0 && unreadable.length === 0) return { added: 0, list: null };
        // Rows this build cannot read cannot be placed in the merged order: they are moved
        // aside, verbatim, and go on being exported and told.
        const keep = [...aside, ...read.unreadable, ...unreadable].map((u, i) => ({
          ...u,
          seq: -(i + 1),
        }));
        await db.events.clear();
        let state = P.setAside(P.empty(), keep);
        for (let i = 0; i < merge.rows.length;) {
          // Each chunk ends where a dispatch does, so no dispatch is folded in two halves.
          const end = dispatchEnd(merge.events, i + writeChunk);
          const writing = db.events.bulkAdd(merge.rows.slice(i, end), { allKeys: true });
          // Each chunk is folded while IndexedDB writes it, and the page runs between chunks.
          const folded = P.foldOnto(state, merge.events.slice(i, end));
          const seqs = await writing;
          state = P.withLastSeq(folded, seqs.at(-1) ?? P.lastSeq(state));
          onProgress?.(end, merge.rows.length);
          i = end;
        }
        // The limits are the backup file's: a merge that a backup could not hold is refused (the
        // transaction, and all it wrote, is undone), so every file Basket exports, it imports.
        const size = P.size(state);
        if (size.events > LOG_LIMITS.events || size.chars > LOG_LIMITS.chars) {
          throw new StorageError(says('mergeTooLarge', { max: LOG_LIMITS.events }), 'conflict');
        }
        await db.meta.put({ key: 'setAside', rows: keep } as never);
        await writeSnapshot(db.meta, P.toSaved(state), saveAs(state), head);
        return { added: merge.added, list: state };
      }),
    );
    if (result.list === null) {
      const list = await guarded(() => db.transaction('r', both, savedModel));
      return { added: 0, list: ctx.saw(list ?? (await rebuildAndSave())) };
    }
    ctx.saw(result.list);
    return { added: result.added, list: result.list };
  };
}
