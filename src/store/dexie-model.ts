import { readPosition } from './sync-position';
import type { LogContext } from './dexie-context';
import { guarded } from './dexie-db';
import { lastDispatchStart } from './dispatches';
import { storageErrorFrom } from './errors';
import { checkReducerVersion, readStored } from './read';
import { readHead, readModel, writeSnapshot } from './snapshot';
import type { StoredEvent } from '../events';
import type { Progress } from './types';

/**
 * The read model on IndexedDB: a saved fold plus the log after it. Boot reads that, never the
 * whole log, unless the fold is another version's or there is none; then the whole log is folded
 * (read-only, a chunk at a time, never cutting a dispatch in two) and saved if the disk allows.
 */
export function dexieReadModel<S>(ctx: LogContext<S>) {
  const { db, P, both, readRows, keptAside, fold, readChunk } = ctx;
  const saveAs = (state: S) => ({ reducerVersion: P.version, lastSeq: P.lastSeq(state) });
  const fromSaved = async (head: Parameters<typeof readModel>[1]) => {
    const saved = await readModel(db.meta, head);
    return saved && P.fromSaved(saved);
  };

  /** The saved read model with the events after it folded in; null if this build cannot use it. */
  async function savedModel(): Promise<S | null> {
    const [head, position] = await Promise.all([readHead(db.meta), readPosition(db.meta)]);
    checkReducerVersion(head?.reducerVersion, P.version);
    if (head?.reducerVersion !== P.version) return null;
    // Sharing: a read model saved past the server's confirmed prefix folded an outbox that a
    // rebase may since have moved; fold again.
    if (position && head.lastSeq > position.confirmedSeq) return null;
    const [state, tail] = await Promise.all([fromSaved(head), readRows(head.lastSeq)]);
    if (!state) return null;
    // A row set aside then may be readable now (it was a newer Basket's, and this build is
    // newer still): then the read model is folded again, with it.
    const aside = P.unreadable(state)
      .filter((u) => u.seq > 0)
      .map((u) => u.seq);
    if (aside.length && readStored(await db.events.bulkGet(aside)).events.length) return null;
    return fold(state, tail);
  }

  /** Folds the whole log, a chunk at a time, never cutting a dispatch in two. */
  async function foldWholeLog(onProgress?: Progress, upTo = Infinity): Promise<S> {
    const total = await db.events.count();
    let state = P.setAside(P.empty(), await keptAside());
    // A chunk may end inside a dispatch: its last dispatch waits for the next chunk.
    let waiting: StoredEvent[] = [];
    let after = 0;
    for (let done = 0; ;) {
      const rows = await db.events
        .where('seq')
        .between(after, upTo, false, true)
        .limit(readChunk)
        .toArray();
      if (rows.length === 0) break;
      after = (rows.at(-1) as { seq: number }).seq;
      const read = readStored(rows);
      const events = [...waiting, ...read.events];
      const cut = lastDispatchStart(events);
      waiting = events.slice(cut);
      state = P.setAside(P.foldOnto(state, events.slice(0, cut)), read.unreadable);
      done += rows.length;
      onProgress?.(done, total);
    }
    return P.withLastSeq(P.foldOnto(state, waiting), after);
  }

  /**
   * Saves a fold as the read model, unless another tab saved one as far meanwhile. A read model
   * holding rows set aside as a newer Basket's is never saved: that Basket must fold them.
   */
  const save = (state: S) =>
    db.transaction('rw', db.meta, async () => {
      if (P.unreadable(state).some((u) => u.reason === 'unknown')) return;
      const head = await readHead(db.meta);
      if (head?.reducerVersion === P.version && head.lastSeq >= P.lastSeq(state)) return;
      await writeSnapshot(db.meta, P.toSaved(state), saveAs(state), head);
    });

  /** Folds the whole log and saves it; a save that fails (a full disk) costs only a slower boot. */
  async function rebuildAndSave(onProgress?: Progress, mustSave = false): Promise<S> {
    // Read-only, so a long fold never holds up another tab's writes.
    // Sharing: only the server's confirmed prefix is saved; the outbox is folded on top.
    const { confirmed, state } = await db.transaction('r', both, async () => {
      const position = await readPosition(db.meta);
      const prefix = await foldWholeLog(onProgress, position?.confirmedSeq ?? Infinity);
      return {
        confirmed: prefix,
        state: position ? fold(prefix, await readRows(P.lastSeq(prefix))) : prefix,
      };
    });
    if (ctx.health() !== 'ok') return state;
    try {
      await save(confirmed);
    } catch (error) {
      if (mustSave) throw storageErrorFrom(error);
      console.warn(
        'Basket folded its history but could not save it; the next boot folds it again.',
        error,
      );
    }
    return state;
  }

  const load = (onProgress?: Progress) =>
    guarded(async () => {
      // Read-only, so a boot never waits for, or holds up, another tab's writes.
      const saved = await db.transaction('r', both, savedModel);
      if (saved) return ctx.saw(saved);
      // Nothing saved and nothing to save: writing nothing, opening works on a full disk.
      if ((await db.events.count()) === 0 && (await keptAside()).length === 0) {
        return P.empty();
      }
      return ctx.saw(await rebuildAndSave(onProgress));
    });

  const compact = () =>
    guarded(async () => {
      if (ctx.health() !== 'ok') return 0;
      return db.transaction('rw', both, async () => {
        const head = await readHead(db.meta);
        // Another build's read model is rebuilt by a load, not compacted by this one.
        if (head && head.reducerVersion !== P.version) return 0;
        const position = await readPosition(db.meta);
        const after = head?.lastSeq ?? 0;
        // Sharing: only what the server confirmed is saved; a rebase may move the rest.
        const tail = position
          ? readStored(
              await db.events
                .where('seq')
                .between(after, position.confirmedSeq, false, true)
                .toArray(),
            )
          : await readRows(after);
        if (tail.events.length + tail.unreadable.length === 0) return 0;
        const state = head ? await fromSaved(head) : P.empty();
        if (!state) return 0;
        const next = fold(state, tail);
        if (P.unreadable(next).some((u) => u.reason === 'unknown')) return 0;
        await writeSnapshot(db.meta, P.toSaved(next), saveAs(next), head);
        return tail.events.length + tail.unreadable.length;
      });
    });

  return { savedModel, rebuildAndSave, load, compact, saveAs };
}
