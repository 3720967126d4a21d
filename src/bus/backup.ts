import type { StoredEvent } from '../events';
import { says, type Sentence } from '../events/sentence';
import type { EventContext, ListState } from '../model';
import type { BackupFile } from '../store/backup-file';
import type { EventStore, Progress } from '../store';
import type { CrossTab } from './cross-tab';
import { errorOf, type Notices } from './notices';
import type { Queue } from './queue';
import { answered, failed } from './turn';
import type { JobOutcome, PhasedProgress } from './types';

export interface BackupDeps {
  queue: Queue;
  store: EventStore<ListState>;
  ctx: EventContext;
  notices: Notices;
  crossTab: CrossTab | null;
}

/** What a person does with the whole log: merge a backup in, rebuild, read it, export it. */
export interface Backups {
  importBackup(file: Blob, onProgress?: PhasedProgress): Promise<JobOutcome>;
  rebuild(onProgress?: Progress): Promise<JobOutcome>;
  readLog(after?: number): Promise<StoredEvent[]>;
  exportBackup(): Promise<{ name: string; file: BackupFile }>;
}

interface Replaced {
  list: ListState;
  message: Sentence;
  changed: boolean;
}

export function backups({ queue, store, ctx, notices, crossTab }: BackupDeps): Backups {
  /** Runs a job that replaces the whole list, in its turn, and tells the other tabs. */
  const replaceList = (work: () => Promise<Replaced>): Promise<JobOutcome> =>
    queue.inTurn(async () => {
      try {
        const { list, message, changed } = await work();
        if (changed) crossTab?.announceReset();
        return answered<JobOutcome>({ ok: true, message }, [
          ...(changed ? [{ type: 'ListReloaded', list } as const] : []),
          notices.show('status', message),
        ]);
      } catch (error) {
        const { changes, message } = notices.failure(error);
        return answered<JobOutcome>({ ok: false, message }, changes);
      }
    });

  /** Runs work in its turn, after every write dispatched before it; a failure is told too. */
  const inTurn = <T>(work: () => Promise<T>): Promise<T> =>
    queue.inTurn(async () => {
      try {
        return answered(await work());
      } catch (error) {
        return failed<T>(errorOf(error), notices.failure(error).changes);
      }
    });

  return {
    async importBackup(blob, onProgress = () => {}) {
      // Rarely used: the file format and its checks load only when a backup is chosen.
      const { MAX_FILE_BYTES, parseBackup, tooLarge } = await import('../store/backup-file');
      // Cheap first: no file over the limit is read at all (a character is at most 3 bytes).
      if (blob.size > MAX_FILE_BYTES) return { ok: false, message: tooLarge() };
      const parsed = await parseBackup(await blob.text(), (done, total) =>
        onProgress('checking', done, total),
      );
      if (!parsed.ok) return parsed;
      return replaceList(async () => {
        const { added, list } = await store.importEvents(
          parsed.events,
          (done, total) => onProgress('importing', done, total),
          parsed.unreadable,
        );
        const aside = parsed.unreadable.length;
        const message = aside
          ? says('importedSomeAside', { count: added, aside })
          : added
            ? says('imported', { count: added })
            : says('nothingNew');
        return { list, message, changed: added > 0 || aside > 0 };
      });
    },
    rebuild: (onProgress) =>
      replaceList(async () => {
        const list = await store.rebuild(onProgress);
        return { list, message: says('rebuilt'), changed: true };
      }),
    readLog: (after = 0) => inTurn(() => store.readAfter(after)),
    exportBackup: () =>
      inTurn(async () => {
        const { backupFileName, backupOf } = await import('../store/backup-file');
        const exportedAt = ctx.now();
        const { events, unreadable } = await store.exportLog();
        const file = backupOf(events, exportedAt, unreadable);
        return { name: backupFileName(new Date(exportedAt)), file };
      }),
  };
}
