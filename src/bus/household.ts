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
import {
  JOINED,
  NAME,
  remember,
  remembered,
  rememberedJoined,
  viewOf,
  type HouseholdView,
} from './remembered-household';
import { bringsIntoView } from './browser';
import { createTabLead } from './tab-lead';

export type { HouseholdView } from './remembered-household';

/**
 * Household sync's door in the bus. Nothing of sync loads until a household is joined (now or on
 * an earlier visit): then `household-session.ts` and `src/sync/household.ts` are imported and
 * run the rounds, in the one tab of this browser that leads (tab-lead.ts). What they store is
 * announced through `feed`, the `otherDevices` ChangeFeed, in every tab, and folded like another
 * tab's changes.
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
  const tell = (listeners: Set<() => void>) => listeners.forEach((listener) => listener());
  const listeners = new Set<() => void>();
  let view: HouseholdView = {
    name: null,
    status: null,
    deviceName: remembered(NAME) ?? '',
    told: [],
  };
  const setView = (next: Partial<HouseholdView>) => {
    view = { ...view, ...next };
    for (const listener of [...listeners]) listener();
  };
  const shared = () => ({ name: view.name, status: view.status, told: view.told });
  let loading: Promise<HouseholdSession> | null = null;
  let loaded: HouseholdSession | null = null;

  // One tab of this browser holds the connection (see tab-lead.ts); every tab shows its view and
  // folds what it stored.
  const lead = createTabLead({
    name: JOINED,
    onLead: () => {
      if (rememberedJoined()) void load();
    },
    onLose: () =>
      void unload().then(() => {
        if (rememberedJoined()) lead.follow();
      }),
    onMessage(message) {
      if (message.kind === 'grown') tell(grown);
      else if (message.kind === 'reset') tell(reset);
      else if (message.kind === 'hello' && lead.leading())
        lead.post({ kind: 'view', view: shared() });
      else if (message.kind === 'view' && !lead.leading()) setView(viewOf(message.view));
      else if (message.kind === 'joined') lead.follow();
      else if (message.kind === 'left') {
        lead.drop();
        setView({ name: null, status: null, told: [] });
      }
    },
  });

  const load = () =>
    (loading ??= import('./household-session').then(({ householdSession }) => {
      loaded = householdSession({
        ...deps,
        connect: deps.connect ?? overNats,
        notKept,
        door: {
          grown: () => {
            tell(grown);
            lead.post({ kind: 'grown' });
          },
          reset: () => {
            tell(reset);
            lead.post({ kind: 'reset' });
          },
        },
        show(next) {
          setView(next);
          if (lead.leading()) lead.post({ kind: 'view', view: shared() });
        },
      });
      return loaded;
    }));
  async function unload() {
    const was = loading;
    loading = null;
    const session = await was;
    if (loaded === session) loaded = null;
    await session?.stop();
  }

  const joined = rememberedJoined();
  if (joined) {
    setView({ name: joined.invite.name, status: { state: 'syncing', pending: 0 } });
    lead.follow();
    lead.post({ kind: 'hello' });
  }
  const stopWaking = bringsIntoView(() => {
    if (rememberedJoined() && !lead.leading()) void lead.take();
  });
  const afterCommit = deps.committed$.subscribe(() => loaded?.kick());

  return {
    get: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async join(invite, deviceName) {
      this.rememberDeviceName(deviceName.trim());
      await lead.take();
      await (await load()).join(invite, deviceName.trim());
      lead.post({ kind: 'joined' });
    },
    async leave() {
      await lead.take();
      await (await load()).leave();
      lead.post({ kind: 'left' });
      lead.drop();
    },
    invite: () => rememberedJoined()?.invite ?? null,
    rememberDeviceName(name) {
      remember(NAME, name);
      setView({ deviceName: name });
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
      stopWaking();
      lead.stop();
      void loading?.then((session) => session.stop());
    },
  };
}
