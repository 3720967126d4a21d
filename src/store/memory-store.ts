import type { BasketEvent, StoredEvent, StreamId } from '../events';
import { fold, touchedIds, type ListState, type ProductTable } from '../model';
import { ConcurrencyError } from './errors';
import { mergeLogs } from './merge';
import { checkBatch, projectBatch, versionsOf } from './projection';
import type { EventStore } from './types';

/**
 * The Dexie store's in-memory twin: the same contract with nothing saved. Basket runs on it when
 * IndexedDB cannot be opened (some private windows), with a "Not saved on this device" banner.
 * Records are cloned in and out, as IndexedDB does, so no caller can change what was stored.
 */
export function createMemoryStore(): EventStore {
  let log: StoredEvent[] = [];
  let nextSeq = 1;
  const ids = new Set<string>();
  let heads = new Map<StreamId, number>();
  let rows: ProductTable = new Map();

  const snapshot = (): ListState => ({
    products: new Map(structuredClone(rows)),
    versions: new Map(heads),
    lastSeq: log.at(-1)?.seq ?? 0,
  });

  return {
    kind: 'memory',
    async load() {
      return snapshot();
    },
    async append(streamId, expectedVersion, events: readonly BasketEvent[]) {
      if (events.length === 0) return [];
      const known = events.filter((e) => ids.has(e.id)).length;
      if (known === events.length) return [];
      if (known > 0) throw new ConcurrencyError('Some of these events are stored already.');
      checkBatch(streamId, expectedVersion, heads.get(streamId) ?? 0, events);
      const stored = events.map((e, i) => ({ ...structuredClone(e), seq: nextSeq + i }));
      const touched: ProductTable = new Map();
      for (const id of stored.flatMap(touchedIds)) {
        const row = rows.get(id);
        if (row) touched.set(id, row);
      }
      const { puts, deletes } = projectBatch(touched, stored);
      for (const row of puts) rows.set(row.productId, row);
      for (const id of deletes) rows.delete(id);
      for (const e of stored) ids.add(e.id);
      log.push(...stored);
      nextSeq += stored.length;
      heads.set(streamId, expectedVersion + events.length);
      return structuredClone(stored);
    },
    async readAfter(seq) {
      return structuredClone(log.filter((e) => e.seq > seq));
    },
    async importEvents(incoming, onProgress) {
      const merge = mergeLogs(
        log.map((event) => ({ row: event, event })),
        structuredClone(incoming),
      );
      if (merge.added > 0) {
        log = merge.events.map((event, i) => ({ ...event, seq: nextSeq + i }));
        nextSeq += log.length;
        for (const event of merge.events) ids.add(event.id);
        heads = versionsOf(log);
        rows = fold(log);
      }
      onProgress?.(merge.rows.length, merge.rows.length);
      return { added: merge.added, list: snapshot() };
    },
    async rebuild() {
      rows = fold(log);
      return snapshot();
    },
    close() {},
  };
}
