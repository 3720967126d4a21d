import { readEvent, type BasketEvent } from '../events';
import type { EventStore, ServerDispatch } from '../store';
import { SyncTooLarge, SyncUnreachable, type ConfirmedAction, type SyncBackend } from './port';

export interface SyncEngineOptions {
  readonly store: EventStore<unknown>;
  readonly backend: SyncBackend;
  readonly deviceId: string;
  /** Actions per pull: each pull is one transaction with the cursor. */
  readonly batch?: number;
  /** Told after each batch is stored, before the round goes on: the bus can show it already. */
  readonly onApplied?: (applied: { added: number; rebased: boolean }) => void;
}

/** What one round of sync did. */
export interface SyncRound {
  readonly sent: number;
  /** Other devices' actions applied. */
  readonly added: number;
  /** This device's pending actions were moved after other devices' (reload the read model). */
  readonly rebased: boolean;
  /** Actions from the wire that were refused, each with why: never applied, told once. */
  readonly refused: readonly { serverSeq: number; why: string }[];
  /**
   * This device's actions the server will never take (too large): kept here, and told once;
   * what came after them was sent all the same.
   */
  readonly keptHere: readonly { actionId: string; why: string }[];
  /** Whether everything was sent and everything there was applied (false: offline). */
  readonly complete: boolean;
}

/**
 * Sends this device's outbox in order, each action awaiting its answer, then applies what the
 * server has after the cursor, in its order. Nothing ever waits on it: a dispatch is stored
 * locally first, and a round that finds the server unreachable simply ends, to be tried again.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { store, backend, deviceId, batch = 200, onApplied } = options;
  async function push(keptHere: Map<string, string>): Promise<number> {
    let sent = 0;
    for (const dispatch of await store.sync.pending()) {
      const events = dispatch.events.map(({ seq: _seq, ...event }) => event as BasketEvent);
      try {
        await backend.push({
          actionId: dispatch.actionId,
          deviceId,
          streamId: dispatch.streamId,
          events,
        });
        sent += 1;
      } catch (error) {
        // Refused for good: holding back everything after it would stop this device sharing.
        if (!(error instanceof SyncTooLarge)) throw error;
        keptHere.set(dispatch.actionId, error.message);
      }
    }
    return sent;
  }

  async function pull() {
    let added = 0;
    let rebased = false;
    const refused: { serverSeq: number; why: string }[] = [];
    const position = await store.sync.position();
    if (!position) return { added, rebased, refused };
    const from = (cursor: number) => {
      const pulling = backend.pull(cursor, batch);
      pulling.catch(() => undefined); // awaited below, unless a write fails first
      return { cursor, pulling };
    };
    // The next batch is read from the server while this one is written: a pull only reads, and
    // is used only if it starts where the written cursor ended.
    let next = from(position.cursor);
    for (;;) {
      const actions = await next.pulling;
      if (actions.length === 0) break;
      const through = Math.max(...actions.map((a) => a.serverSeq));
      next = from(through);
      const valid: ServerDispatch[] = [];
      for (const action of actions) {
        const why = invalid(action);
        if (why) refused.push({ serverSeq: action.serverSeq, why });
        else
          valid.push({
            serverSeq: action.serverSeq,
            actionId: action.actionId,
            events: action.events,
          });
      }
      const applied = await store.sync.applyServer(valid, through);
      added += applied.added;
      rebased ||= applied.rebased;
      onApplied?.({ added: applied.added, rebased: applied.rebased });
      if (applied.cursor !== next.cursor) next = from(applied.cursor);
    }
    return { added, rebased, refused };
  }

  return {
    /** One round: push, pull, and push again what a rebase left pending. */
    async round(): Promise<SyncRound> {
      let sent = 0;
      const held = new Map<string, string>();
      const keptHere = () => [...held].map(([actionId, why]) => ({ actionId, why }));
      try {
        sent += await push(held);
        const pulled = await pull();
        sent += await push(held);
        return { sent, ...pulled, keptHere: keptHere(), complete: true };
      } catch (error) {
        if (!(error instanceof SyncUnreachable)) throw error;
        return {
          sent,
          added: 0,
          rebased: false,
          refused: [],
          keptHere: keptHere(),
          complete: false,
        };
      }
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

/**
 * Why an action from the wire cannot be applied, or null: it is read like a backup (every event
 * through this build's reader), and must be one dispatch of one list whose id is its first event's.
 */
export function invalid(action: ConfirmedAction): string | null {
  const { events } = action;
  // The backend's own words: "an action with no events" would hide why it has none.
  if (typeof action.unreadable === 'string') return action.unreadable;
  if (!Array.isArray(events) || events.length === 0) return 'an action with no events';
  for (const event of events) {
    const read = readEvent(event);
    if (!read.ok) return read.message;
    if (read.event.streamId !== action.streamId) return 'an action whose events are in two lists';
  }
  if (events[0]!.id !== action.actionId) return 'an action whose id is not its first event’s';
  return null;
}
