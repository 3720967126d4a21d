import { actionOf, type BasketEvent, type StoredEvent, type StreamId } from '../events';

/** A dispatch this device made that no server has confirmed yet: the outbox, in order. */
export interface PendingDispatch {
  readonly actionId: string;
  readonly streamId: StreamId;
  readonly events: readonly StoredEvent[];
}

/** A dispatch as a server ordered it. */
export interface ServerDispatch {
  readonly serverSeq: number;
  readonly actionId: string;
  readonly events: readonly BasketEvent[];
}

/**
 * Household sync as the store keeps it: the log is the server's log in the server's order (the
 * confirmed prefix, up to `confirmedSeq`), then this device's pending dispatches (the outbox).
 * The server position applied (`cursor`) is written in the same transaction as the events it
 * covers. A device that never joined has no sync row: all its log is its own, as before.
 */
export interface SyncLog {
  /** Starts sharing: everything stored so far waits to be sent. Doing it again changes nothing. */
  join(): Promise<void>;
  /** Stops sharing; every event stays. */
  leave(): Promise<void>;
  /** Where this device has got to, or null if it has not joined. */
  position(): Promise<SyncPosition | null>;
  /** The outbox: dispatches no server has confirmed, oldest first. */
  pending(): Promise<PendingDispatch[]>;
  /**
   * Applies what the server has after the cursor, in its order, with the cursor, atomically.
   * Actions already applied (a duplicate delivery) are skipped by id. When the server put
   * another device's actions before this device's pending ones, the pending ones are moved after
   * them (a rebase): the read model must then be reloaded (`rebased`). `through` moves the
   * cursor past actions the caller refused to apply (they failed to decrypt or validate).
   */
  applyServer(actions: readonly ServerDispatch[], through?: number): Promise<SyncApplied>;
}

export interface SyncPosition {
  /** The server's sequence applied so far. */
  readonly cursor: number;
  /** The local log position up to which the log is the server's. */
  readonly confirmedSeq: number;
}

export interface SyncApplied {
  readonly cursor: number;
  /** How many actions of other devices (or of this one, not pending here) were added. */
  readonly added: number;
  readonly rebased: boolean;
}

/** Splits stored events into the dispatches they came from, in order. */
export function dispatchesOf(events: readonly StoredEvent[]): PendingDispatch[] {
  const out: { actionId: string; streamId: StreamId; events: StoredEvent[] }[] = [];
  for (const event of events) {
    const last = out.at(-1);
    const actionId = actionOf(event);
    if (last && last.actionId === actionId && last.streamId === event.streamId) {
      last.events.push(event);
    } else out.push({ actionId, streamId: event.streamId, events: [event] });
  }
  return out;
}

/**
 * What a batch from the server means for the log, decided before anything is written: which
 * actions are new here, and whether they are exactly the outbox's first dispatches (then the
 * log stays as it is and only the confirmed prefix grows).
 */
export function planApply(
  position: SyncPosition,
  actions: readonly ServerDispatch[],
  confirmedIds: ReadonlySet<string>,
  pending: readonly PendingDispatch[],
  through = 0,
) {
  const seen = new Set<string>();
  const fresh: ServerDispatch[] = [];
  for (const action of [...actions].sort((a, b) => a.serverSeq - b.serverSeq)) {
    if (action.serverSeq <= position.cursor || seen.has(action.actionId)) continue;
    seen.add(action.actionId);
    fresh.push(action);
  }
  const cursor = Math.max(position.cursor, through, ...fresh.map((a) => a.serverSeq));
  // Applied before (the same action delivered again after the dedupe window): once is enough.
  const toApply = fresh.filter((a) => !confirmedIds.has(a.events[0]?.id ?? ''));
  const inOrder = toApply.every((a, i) => pending[i]?.actionId === a.actionId);
  return { cursor, toApply, inOrder };
}

/** Events renumbered to follow `heads`, each list's versions 1..n in log order. */
export function renumbered(
  events: readonly BasketEvent[],
  heads: Map<StreamId, number>,
): BasketEvent[] {
  return events.map((event) => {
    const streamVersion = (heads.get(event.streamId) ?? 0) + 1;
    heads.set(event.streamId, streamVersion);
    const { seq: _seq, ...content } = event as BasketEvent & { seq?: number };
    return { ...content, streamVersion } as BasketEvent;
  });
}
