import type { Observable } from 'rxjs';
import type { StoredEvent } from '../events';
import type { Sentence } from '../events/sentence';
import type { ListState } from '../model';
import type { EventStore } from '../store';
import type { ConnectHousehold } from '../sync/household';
import type { Invite } from '../sync/invite';
import { notKept } from '../sync/not-kept';
import type { ChangeFeed } from './catch-up';
import type { HouseholdSession } from './household-session';
import { JOINED, NAME, remember, remembered, type HouseholdView } from './remembered-household';

export type { HouseholdView } from './remembered-household';

/**
 * Household sync's door in the bus. Nothing of sync loads until a household is joined (now or on
 * an earlier visit): then `household-session.ts` and `src/sync/household.ts` are imported and
 * run the rounds. What they store is announced through `feed`, the `otherDevices` ChangeFeed,
 * and folded like another tab's changes.
 */
export interface HouseholdDoor {
  get(): HouseholdView;
  subscribe(listener: () => void): () => void;
  /** Joins this device to the household of `invite` and starts syncing. */
  join(invite: Invite, deviceName: string): Promise<void>;
  /** Stops sharing; this device keeps its lists. */
  leave(): Promise<void>;
  /** The invite of the household joined, to pass on (a secret: shown only when asked). */
  invite(): Invite | null;
  rememberDeviceName(name: string): void;
}

export interface HouseholdDoorDeps {
  store: EventStore<ListState>;
  current: () => ListState;
  notify: (sentence: Sentence) => void;
  committed$: Observable<readonly StoredEvent[]>;
  connect?: ConnectHousehold;
}

/** In the browser: NATS JetStream over a WebSocket, loaded with the first household joined. */
const overNats: ConnectHousehold = async (invite) =>
  (await import('../sync/nats-backend')).connectNats(invite);

export function createHouseholdDoor(deps: HouseholdDoorDeps): HouseholdDoor & {
  feed: ChangeFeed;
  stop(): void;
} {
  const grown = new Set<() => void>();
  const reset = new Set<() => void>();
  const listeners = new Set<() => void>();
  let view: HouseholdView = { name: null, status: null, deviceName: remembered(NAME) ?? '' };
  const show = (next: Partial<HouseholdView>) => {
    view = { ...view, ...next };
    for (const listener of [...listeners]) listener();
  };
  let loading: Promise<HouseholdSession> | null = null;
  let loaded: HouseholdSession | null = null;
  const load = () =>
    (loading ??= import('./household-session').then(({ householdSession }) => {
      loaded = householdSession({
        ...deps,
        connect: deps.connect ?? overNats,
        notKept,
        door: {
          grown: () => grown.forEach((tell) => tell()),
          reset: () => reset.forEach((tell) => tell()),
        },
        show,
      });
      return loaded;
    }));
  if (remembered(JOINED)) void load();
  const afterCommit = deps.committed$.subscribe(() => loaded?.kick());

  return {
    get: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async join(invite, deviceName) {
      this.rememberDeviceName(deviceName.trim());
      await (await load()).join(invite, deviceName.trim());
    },
    leave: async () => (await load()).leave(),
    invite: () => loaded?.invite() ?? null,
    rememberDeviceName(name) {
      remember(NAME, name);
      show({ deviceName: name });
    },
    feed: {
      listen(onGrown, onReset) {
        const onGrownHere = () => onGrown();
        grown.add(onGrownHere);
        reset.add(onReset);
        return () => {
          grown.delete(onGrownHere);
          reset.delete(onReset);
        };
      },
    },
    stop() {
      afterCommit.unsubscribe();
      void loading?.then((session) => session.stop());
    },
  };
}
