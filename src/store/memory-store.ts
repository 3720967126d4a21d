import { eventChars, LOG_LIMITS, type BasketEvent, type StoredEvent } from '../events';
import { says } from '../events/sentence';
import { ConcurrencyError, StorageError } from './errors';
import type { SetAsideRow } from './read';
import { dispatchesOf, planApply, renumbered, type SyncLog, type SyncPosition } from './sync-log';
import { mergeLogs } from './merge';
import { checkBatch } from './check-batch';
import type { EventStore, Projection } from './types';

/**
 * The Dexie store's in-memory twin: the same contract with nothing saved. Basket runs on it when
 * IndexedDB cannot be opened (some private windows), with a "Not saved on this device" banner.
 * Records are cloned in and out, as IndexedDB does, so no caller can change what was stored.
 */
export function createMemoryStore<S>(P: Projection<S>): EventStore<S> {
  /** The read model as IndexedDB would give it back: saved, copied, read again. */
  const copyOf = (state: S): S => P.fromSaved(structuredClone(P.toSaved(state)));
  let log: StoredEvent[] = [];
  let nextSeq = 1;
  const ids = new Set<string>();
  let model: S = P.empty();
  let aside: SetAsideRow[] = [];
  const foldAll = () =>
    P.applyRead(P.withLastSeq(P.foldOnto(P.empty(), log), log.at(-1)?.seq ?? 0), [], aside);
  let position: SyncPosition | null = null;
  const outbox = () => dispatchesOf(log.filter((e) => e.seq > (position?.confirmedSeq ?? 0)));

  const sync: SyncLog = {
    async join() {
      position ??= { cursor: 0, confirmedSeq: 0 };
    },
    async leave() {
      position = null;
    },
    async position() {
      return position && { ...position };
    },
    async pending() {
      return position ? structuredClone(outbox()) : [];
    },
    async applyServer(incoming, through) {
      if (!position) throw new Error('This device has not joined a household.');
      const actions = structuredClone(incoming);
      const confirmed = log.filter((e) => e.seq <= position!.confirmedSeq);
      const pending = outbox();
      const plan = planApply(
        position,
        actions,
        new Set(confirmed.map((e) => e.id)),
        pending,
        through,
      );
      if (plan.inOrder) {
        const last = pending[plan.toApply.length - 1]?.events.at(-1);
        position = { cursor: plan.cursor, confirmedSeq: last?.seq ?? position.confirmedSeq };
        return { cursor: plan.cursor, added: 0, rebased: false };
      }
      const heads = new Map<string, number>();
      for (const e of confirmed)
        heads.set(e.streamId, Math.max(e.streamVersion, heads.get(e.streamId) ?? 0));
      const ours = new Map(pending.map((p) => [p.actionId, p]));
      const stamp = (events: BasketEvent[]) =>
        events.map((e) => ({ ...e, seq: nextSeq++ }) as StoredEvent);
      const now = stamp(
        renumbered(
          plan.toApply.flatMap((a) => ours.get(a.actionId)?.events ?? a.events),
          heads,
        ),
      );
      const rest = pending.filter((p) => !plan.toApply.some((a) => a.actionId === p.actionId));
      const after = stamp(
        renumbered(
          rest.flatMap((p) => p.events),
          heads,
        ),
      );
      log = [...confirmed, ...now, ...after];
      for (const e of now) ids.add(e.id);
      position = { cursor: plan.cursor, confirmedSeq: now.at(-1)?.seq ?? position.confirmedSeq };
      model = foldAll();
      const added = plan.toApply.filter((a) => !ours.has(a.actionId)).length;
      return { cursor: plan.cursor, added, rebased: pending.length > 0 };
    },
  };

  return {
    kind: 'memory',
    health: () => 'ok',
    sync,
    async load() {
      return copyOf(model);
    },
    async append(streamId, expectedVersion, events: readonly BasketEvent[]) {
      if (events.length === 0) return [];
      const known = events.filter((e) => ids.has(e.id)).length;
      if (known === events.length) return [];
      if (known > 0) throw new ConcurrencyError('Some of these events are stored already.');
      checkBatch(streamId, expectedVersion, P.versions(model).get(streamId) ?? 0, events);
      const stored = events.map((e, i) => ({ ...structuredClone(e), seq: nextSeq + i }));
      model = P.applyRead(model, stored);
      for (const e of stored) ids.add(e.id);
      log.push(...stored);
      nextSeq += stored.length;
      return structuredClone(stored);
    },
    async readAfter(seq) {
      return structuredClone(log.filter((e) => e.seq > seq));
    },
    async catchUp(seq) {
      return { events: structuredClone(log.filter((e) => e.seq > seq)), unreadable: [] };
    },
    async exportLog() {
      return structuredClone({ events: log, unreadable: aside.map((u) => u.row) });
    },
    async importEvents(incoming, onProgress, unreadable = []) {
      const merge = mergeLogs(
        log.map((event) => ({ row: event, event })),
        structuredClone(incoming),
      );
      // Cheap first: the count; the characters only if the count is within the limit.
      const tooLarge =
        merge.events.length > LOG_LIMITS.events ||
        merge.events.reduce((n, e) => n + eventChars(e), 0) > LOG_LIMITS.chars;
      if (tooLarge) {
        throw new StorageError(says('mergeTooLarge', { max: LOG_LIMITS.events }), 'conflict');
      }
      if (merge.added > 0 || unreadable.length > 0) {
        if (merge.added > 0) {
          log = merge.events.map((event, i) => ({ ...event, seq: nextSeq + i }));
          nextSeq += log.length;
        }
        for (const event of merge.events) ids.add(event.id);
        aside = [...aside, ...structuredClone(unreadable)].map((u, i) => ({ ...u, seq: -(i + 1) }));
        model = foldAll();
      }
      onProgress?.(merge.rows.length, merge.rows.length);
      return { added: merge.added, list: copyOf(model) };
    },
    async compact() {
      return 0;
    },
    async rebuild() {
      model = foldAll();
      return copyOf(model);
    },
    close() {},
  };
}
