import Dexie from 'dexie';
import type { BasketEvent, StoredEvent, StreamId } from '../events';
import { checkBatch } from './check-batch';
import type { LogContext } from './dexie-context';
import { collided, guarded } from './dexie-db';
import { ConcurrencyError, storageErrorFrom } from './errors';

/**
 * Appends one dispatch: one request for the usual single event, as cheap as a bare `add`. The
 * unique `[streamId+streamVersion]` index refuses a stale version; a collision is explained
 * afterwards, in a read-only transaction.
 */
export function dexieAppend<S>(ctx: LogContext<S>, reached: ReadonlyMap<StreamId, number>) {
  const { db, writable, saw } = ctx;
  /** Why an append collided with what is stored, asked after its transaction rolled back. */
  const explainCollision = (
    streamId: StreamId,
    expectedVersion: number,
    events: readonly BasketEvent[],
  ) =>
    db.transaction('r', db.events, async () => {
      const known = await db.events
        .where('id')
        .anyOf(events.map((e) => e.id))
        .count();
      // Every one of them is stored already: a retry of a write that succeeded.
      if (known === events.length) return [];
      if (known > 0) throw new ConcurrencyError('Some of these events are stored already.');
      const head = await db.events
        .where('[streamId+streamVersion]')
        .between([streamId, Dexie.minKey], [streamId, Dexie.maxKey])
        .last();
      throw new ConcurrencyError(
        `Stream ${streamId} is at version ${(head as BasketEvent | undefined)?.streamVersion ?? 0}, not the expected ${expectedVersion}.`,
      );
    });

  return async (
    streamId: StreamId,
    expectedVersion: number,
    events: readonly BasketEvent[],
  ): Promise<StoredEvent[]> => {
    if (events.length === 0) return [];
    writable();
    // The batch must be the next run of its stream; whether the stream is still where the
    // caller saw it is asked of the database below.
    checkBatch(streamId, expectedVersion, expectedVersion, events);
    // Whether the stream has reached `expectedVersion` needs asking only if this store has not
    // seen that version stored: stored versions stay stored (an import re-adds all it clears).
    const mustAsk = expectedVersion > (reached.get(streamId) ?? 0);
    try {
      // Nearly every dispatch is one event: one request, atomic by itself, as cheap as an add.
      if (events.length === 1 && !mustAsk) {
        const seq = await db.events.add({ ...events[0]! });
        return saw([{ ...events[0]!, seq }]);
      }
      const stored = await db.transaction('rw', db.events, async () => {
        // The unique [streamId+streamVersion] index refuses the add if the stream has moved
        // past `expectedVersion`; the count, if it has not reached it.
        const [present, seqs] = await Promise.all([
          mustAsk
            ? db.events
                .where('[streamId+streamVersion]')
                .equals([streamId, expectedVersion])
                .count()
            : 1,
          db.events.bulkAdd(
            events.map((e) => ({ ...e })),
            { allKeys: true },
          ),
        ]);
        if (present === 0) {
          throw new ConcurrencyError(`Stream ${streamId} is behind ${expectedVersion}.`);
        }
        return events.map((e, i): StoredEvent => ({ ...e, seq: seqs[i]! }));
      });
      return saw(stored);
    } catch (error) {
      if (!collided(error)) throw storageErrorFrom(error);
      return guarded(() => explainCollision(streamId, expectedVersion, events));
    }
  };
}
