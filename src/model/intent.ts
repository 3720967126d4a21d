import { DEFAULT_STREAM, type Draft, type StreamId } from '../events';
import type { Sentence } from '../events/sentence';
import { openLists } from './lists';
import type { ListState } from './read-model';

/**
 * What a command comes to before it has envelopes: the drafts to record on one list, or the
 * reason, in words, it cannot be done now. Each group of commands decides its own (decide-*.ts);
 * decide.ts wraps the drafts.
 */
export type Intent = { readonly streamId: StreamId; readonly drafts: readonly Draft[] } | Sentence;

export const isRefusal = (intent: Intent | Draft[]): intent is Sentence =>
  !Array.isArray(intent) && !('drafts' in intent);

/** Whether list `streamId` can be opened: nothing lands where no one can see it. */
export const isOpen = (list: ListState, streamId: StreamId) =>
  openLists(list.lists, list.versions, DEFAULT_STREAM).some((l) => l.streamId === streamId);
