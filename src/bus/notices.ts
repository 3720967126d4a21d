import { LOG_LIMITS, logShare } from '../events';
import { says, type Sentence } from '../events/sentence';
import type { ListState, StateChange } from '../model';
import { ConcurrencyError, StorageError } from '../store';

export interface Notices {
  /** A notice, as a change of state; each has an id of its own, so two alike are both announced. */
  show(kind: 'status' | 'alert', text: Sentence, offerExport?: boolean): StateChange;
  /**
   * A failure as the person is told it: an alert (offering an export when the disk is full),
   * after marking this tab outdated if a newer Basket is why. `message` is what the alert says.
   */
  failure(error: unknown): { changes: StateChange[]; message: Sentence };
}

export function createNotices(): Notices {
  let lastId = 0;
  const show: Notices['show'] = (kind, text, offerExport = false) => ({
    type: 'NoticeShown',
    notice: { kind, text, id: (lastId += 1), offerExport },
  });
  return {
    show,
    failure(error) {
      const message = messageOf(error);
      const storage = error instanceof StorageError ? error.reason : null;
      if (!(error instanceof StorageError || error instanceof ConcurrencyError)) {
        console.error('Unexpected failure in the store', error);
      }
      const changes: StateChange[] = [];
      if (storage === 'outdated') changes.push({ type: 'StorageStatusChanged', storage });
      changes.push(show('alert', message, storage === 'full'));
      return { changes, message };
    },
  };
}

/**
 * A failure, for a caller that is answered with an error: the store's own error when it is one,
 * else one that carries the same sentence the person is told (`error.sentence`).
 */
export const errorOf = (error: unknown): StorageError =>
  error instanceof StorageError
    ? error
    : new StorageError(messageOf(error), 'failed', { cause: error });

/** "Your history is getting large": said once, as it crosses `LOG_WARN_AT` of a backup's limits. */
export const historyLarge = (list: ListState): Sentence =>
  says('historyLarge', {
    count: list.size.events,
    percent: Math.floor(logShare(list.size) * 100),
    max: LOG_LIMITS.events,
  });

function messageOf(error: unknown): Sentence {
  if (error instanceof StorageError) return error.sentence;
  if (error instanceof ConcurrencyError) return says('keptChanging');
  return says('somethingWrong', { detail: String(error) });
}
