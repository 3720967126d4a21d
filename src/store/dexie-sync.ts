import Dexie, { type Table } from 'dexie';
import type { StreamId } from '../events';
import { readStored } from './read';
import { readPosition, SYNC_KEY as KEY } from './sync-position';
import { dispatchesOf, planApply, renumbered, type SyncLog, type SyncPosition } from './sync-log';

type Row = object & { seq: number };

interface SyncTables {
  readonly db: Dexie;
  readonly events: Table<Row, number, object>;
  readonly meta: Table<{ key: string }, string>;
  /** Wraps work so a failure reaches the caller as a `StorageError`. */
  readonly guarded: <T>(work: () => Promise<T>) => Promise<T>;
  /** Throws unless this build may write here. */
  readonly writable: () => void;
}

/** The sync log on IndexedDB: see `SyncLog`. Every method is one transaction. */
export function dexieSyncLog({ db, events, meta, guarded, writable }: SyncTables): SyncLog {
  const both = [events, meta];
  const put = (position: SyncPosition) => meta.put({ key: KEY, ...position } as never);

  /** The head version of each list in the confirmed prefix, once the outbox is lifted out. */
  async function headsOf(streams: Iterable<StreamId>): Promise<Map<StreamId, number>> {
    const heads = new Map<StreamId, number>();
    for (const streamId of streams) {
      const last = (await events
        .where('[streamId+streamVersion]')
        .between([streamId, Dexie.minKey], [streamId, Dexie.maxKey])
        .last()) as { streamVersion?: number } | undefined;
      heads.set(streamId, last?.streamVersion ?? 0);
    }
    return heads;
  }

  /**
   * The log position of each id (`id` is unique), or undefined: one request per id on the
   * transaction's own index, all asked at once. Dexie's `anyOf` walks a cursor from key to key
   * (a round trip to the database each), and a query per id costs far more than the request.
   */
  function seqsOfIds(ids: readonly string[]): Promise<(number | undefined)[]> {
    const index = Dexie.currentTransaction.idbtrans.objectStore(events.name).index('id');
    // A Dexie promise, so what follows stays in the transaction.
    return new Dexie.Promise((resolve, reject) => {
      const out: (number | undefined)[] = new Array(ids.length);
      let left = ids.length;
      if (left === 0) resolve(out);
      ids.forEach((id, i) => {
        const request = index.getKey(id);
        request.onsuccess = () => {
          out[i] = request.result as number | undefined;
          if (--left === 0) resolve(out);
        };
        request.onerror = () => reject(request.error);
      });
    });
  }

  return {
    join: () =>
      guarded(async () => {
        writable();
        await db.transaction('rw', meta, async () => {
          if (!(await readPosition(meta))) await put({ cursor: 0, confirmedSeq: 0 });
        });
      }),

    leave: () =>
      guarded(async () => {
        writable();
        await meta.delete(KEY);
      }),

    position: () => guarded(() => readPosition(meta)),

    pending: () =>
      guarded(() =>
        db.transaction('r', both, async () => {
          const position = await readPosition(meta);
          if (!position) return [];
          const rows = await events.where('seq').above(position.confirmedSeq).toArray();
          return dispatchesOf(readStored(rows).events);
        }),
      ),

    applyServer: (actions, through) =>
      guarded(async () => {
        writable();
        return db.transaction('rw', both, async () => {
          const position = await readPosition(meta);
          if (!position) throw new Error('This device has not joined a household.');
          const rows = await events.where('seq').above(position.confirmedSeq).toArray();
          const outbox = readStored(rows);
          const pending = dispatchesOf(outbox.events);
          const firstIds = actions.map((a) => a.events[0]?.id ?? '');
          const seqsOf = await seqsOfIds(firstIds);
          const confirmedIds = new Set(
            firstIds.filter((_, i) => (seqsOf[i] ?? Infinity) <= position.confirmedSeq),
          );
          const plan = planApply(position, actions, confirmedIds, pending, through);
          if (plan.inOrder) {
            // Only this device's own dispatches, confirmed in the order it made them.
            const last = pending[plan.toApply.length - 1]?.events.at(-1);
            await put({ cursor: plan.cursor, confirmedSeq: last?.seq ?? position.confirmedSeq });
            return { cursor: plan.cursor, added: 0, rebased: false };
          }
          // Another device's actions come first: lift the outbox out, write the server's order,
          // and put the outbox back after it, renumbered. All in this one transaction.
          // (Rows of it this build cannot read stay where they are, untouched.)
          await events.bulkDelete(outbox.events.map((e) => e.seq));
          const ours = new Map(pending.map((p) => [p.actionId, p]));
          const streams = new Set([
            ...plan.toApply.flatMap((a) => a.events.map((e) => e.streamId)),
            ...pending.map((p) => p.streamId),
          ]);
          const heads = await headsOf(streams);
          const confirmed = renumbered(
            plan.toApply.flatMap((a) => ours.get(a.actionId)?.events ?? a.events),
            heads,
          );
          const seqs = await events.bulkAdd(confirmed, { allKeys: true });
          const rest = pending.filter((p) => !plan.toApply.some((a) => a.actionId === p.actionId));
          if (rest.length)
            await events.bulkAdd(
              renumbered(
                rest.flatMap((p) => p.events),
                heads,
              ),
            );
          await put({ cursor: plan.cursor, confirmedSeq: seqs.at(-1) ?? position.confirmedSeq });
          const added = plan.toApply.filter((a) => !ours.has(a.actionId)).length;
          // With no outbox nothing moved: the log only grew, and the bus reads on from its place.
          return { cursor: plan.cursor, added, rebased: pending.length > 0 };
        });
      }),
  };
}
