import { actionOf, LOG_WARN_AT, logShare, type StoredEvent } from '../events';
import { says, type Sentence } from '../events/sentence';
import {
  applyRead,
  decide,
  describeBatch,
  type BasketState,
  type Command,
  type EventContext,
  type ListState,
  type SetAside,
  type StateChange,
} from '../model';
import { ConcurrencyError, outdated, type EventStore } from '../store';
import { historyLarge, type Notices } from './notices';
import { answered, committed, type Turn } from './turn';
import type { Outcome } from './types';

export interface CommandDeps {
  store: EventStore<ListState>;
  ctx: EventContext;
  /** The state as folded so far: a command is decided when its turn comes, not when asked. */
  state: () => BasketState;
  notices: Notices;
  /** Told the log position this tab's write reached, for whoever else reads the log. */
  wrote: (lastSeq: number) => void;
}

const MAX_ATTEMPTS = 3;

/**
 * One person's intent, in its turn: decided against the latest committed state and appended
 * (one write), decided again after reading what another tab wrote first (up to three times).
 * Its changes are what it committed, any gap it read first, and the notices that tell of them.
 */
export async function runCommand(deps: CommandDeps, command: Command): Promise<Turn<Outcome>> {
  const { store, ctx, notices } = deps;
  const { list: start, storage } = deps.state();
  let list: ListState = start;
  const seen: StoredEvent[] = [];
  const seenAside: SetAside[] = [];
  const refuse = (message: Sentence, told = [notices.show('alert', message)]) =>
    answered<Outcome>({ ok: false, message }, [...committed(seen, seenAside), ...told]);
  if (storage === 'outdated') return refuse(outdated().sentence);
  if (storage === 'cleared') return refuse(says('databaseCleared'));
  for (let attempt = 1; ; attempt += 1) {
    const decision = decide(command, list, ctx);
    if (!decision.ok) return refuse(decision.message);
    if (decision.events.length === 0) {
      return answered<Outcome>({ ok: true, events: [] }, committed(seen, seenAside));
    }
    let stored: StoredEvent[];
    try {
      stored = await store.append(decision.streamId, decision.expectedVersion, decision.events);
    } catch (error) {
      let failure = error;
      if (error instanceof ConcurrencyError && attempt < MAX_ATTEMPTS) {
        // Another tab wrote first: fold in what it wrote and decide again.
        try {
          const missed = await store.catchUp(list.lastSeq);
          seen.push(...missed.events);
          seenAside.push(...missed.unreadable);
          list = applyRead(list, missed.events, missed.unreadable);
          continue;
        } catch (readError) {
          failure = readError;
        }
      }
      const { changes, message } = notices.failure(failure);
      return refuse(message, changes);
    }
    const first = stored[0];
    if (!first) return answered<Outcome>({ ok: true, events: [] }, committed(seen, seenAside));
    deps.wrote(stored.at(-1)!.seq);
    let shown: readonly StoredEvent[] = stored;
    let shownAside: readonly SetAside[] = [];
    const told: StateChange[] = [];
    if (first.seq > list.lastSeq + 1) {
      // Another tab committed in between: fold what it wrote first, so nothing is skipped.
      try {
        ({ events: shown, unreadable: shownAside } = await store.catchUp(list.lastSeq));
      } catch (error) {
        told.push(...notices.failure(error).changes);
      }
    }
    const before = list;
    const after = applyRead(list, shown, shownAside);
    const said = describeBatch(
      stored,
      before.products,
      before.stacks.get(first.streamId),
      before.lists,
    );
    told.push(notices.show('status', said));
    if (decision.clockAdjusted) {
      told.push(notices.show('alert', says('clockAdjusted', { at: first.at })));
    } else if (logShare(before.size) < LOG_WARN_AT && logShare(after.size) >= LOG_WARN_AT) {
      told.push(notices.show('status', historyLarge(after)));
    }
    return answered<Outcome>({ ok: true, events: stored }, [
      ...committed([...seen, ...shown], [...seenAside, ...shownAside]),
      { type: 'ActedHere', streamId: first.streamId, actionId: actionOf(first) },
      ...told,
    ]);
  }
}
