import type { Observable } from 'rxjs';
import { type ListState } from '../model';
import type { Sentence } from '../events/sentence';
import type { StateChange, StorageStatus } from '../model';
import type { EventStore } from '../store';
import type { Notices } from './notices';
import { createSignal } from './signal';

/**
 * What this tab's session holds that is never stored: the search text, the open list, the
 * notice on screen, how storage is doing. Each is a change of state, folded at once.
 */
export interface Session {
  readonly changes$: Observable<StateChange>;
  search(text: string): void;
  selectList(streamId: string): void;
  dismissNotice(): void;
  announce(kind: 'status' | 'alert', text: Sentence): void;
  storageChanged(storage: StorageStatus): void;
  end(): void;
}

export function createSession(notices: Notices): Session {
  const [changes$, change, end] = createSignal<StateChange>();
  return {
    changes$,
    search: (text) => change({ type: 'SearchTextChanged', text }),
    selectList: (streamId) => change({ type: 'ListSelected', streamId }),
    dismissNotice: () => change({ type: 'NoticeDismissed' }),
    announce: (kind, text) => change(notices.show(kind, text)),
    storageChanged: (storage) => change({ type: 'StorageStatusChanged', storage }),
    end,
  };
}

/** How a store's health shows to the person. */
export function storageOf(store: EventStore<ListState>): StorageStatus {
  if (store.kind === 'memory') return 'memory';
  const health = store.health();
  return health === 'ok' ? 'saved' : health === 'newer' ? 'outdated' : 'cleared';
}
