import { says, type Sentence } from '../events/sentence';
import type { SyncRound } from './engine';
import type { HouseholdStatus } from './household-types';

/** The session's status line: what it says now, and who is told when that changes. */
export function statusLine(first: HouseholdStatus) {
  let status = first;
  const listeners = new Set<(status: HouseholdStatus) => void>();
  return {
    get: () => status,
    set(next: HouseholdStatus) {
      if (JSON.stringify(next) === JSON.stringify(status)) return;
      status = next;
      for (const listener of [...listeners]) listener(next);
    },
    listen(listener: (status: HouseholdStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * What a round found that the person must hear of, told once per session: a message from the
 * wire that was refused, and an action of this device's the server will never take (it stays
 * here, and no longer counts as waiting).
 */
export function tellOnce(notify: (sentence: Sentence) => void) {
  const refused = new Set<number>();
  const kept = new Set<string>();
  return {
    keptHere: (actionId: string) => kept.has(actionId),
    tell(result: SyncRound) {
      for (const { serverSeq, why } of result.refused) {
        if (refused.has(serverSeq)) continue;
        refused.add(serverSeq);
        notify(says('syncRefused', { detail: why }));
      }
      for (const { actionId, why } of result.keptHere) {
        if (kept.has(actionId)) continue;
        kept.add(actionId);
        notify(says('syncKeptHere', { detail: why }));
      }
    },
  };
}
