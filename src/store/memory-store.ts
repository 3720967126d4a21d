import type { BasketEvent, StoredEvent, StreamId } from '../events';
import { touchedIds, type ProductTable } from '../model';
import { ConcurrencyError } from './errors';
import { checkBatch, projectBatch } from './projection';
import type { EventStore } from './types';

/**
 * The Dexie store's in-memory twin: the same contract with nothing saved. Basket runs on it when
 * IndexedDB cannot be opened (some private windows), with a "Not saved on this device" banner.
 * Records are cloned in and out, as IndexedDB does, so no caller can change what was stored.
 */
export function createMemoryStore(): EventStore {
  const log: StoredEvent[] = [];
  const ids = new Set<string>();
  const heads = new Map<StreamId, number>();
  const rows: ProductTable = new Map();

  return {
    kind: 'memory',
    async load() {
      return {
        products: new Map(structuredClone(rows)),
        versions: new Map(heads),
        lastSeq: log.length,
      };
    },
    async append(streamId, expectedVersion, events: readonly BasketEvent[]) {
      if (events.length === 0) return [];
      const known = events.filter((e) => ids.has(e.id)).length;
      if (known === events.length) return [];
      if (known > 0) throw new ConcurrencyError('Some of these events are stored already.');
      checkBatch(streamId, expectedVersion, heads.get(streamId) ?? 0, events);
      const stored = events.map((e, i) => ({ ...structuredClone(e), seq: log.length + i + 1 }));
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
      heads.set(streamId, expectedVersion + events.length);
      return structuredClone(stored);
    },
    async readAfter(seq) {
      return structuredClone(log.slice(seq));
    },
    close() {},
  };
}
