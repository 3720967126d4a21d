import { says, type Sentence } from '../events/sentence';
import type { ListState } from '../model';
import type { EventStore } from '../store';
import type { ConnectHousehold, Household, Joined, OtherDevicesDoor } from '../sync/household';
import type { Invite } from '../sync/invite';
import type { notKept } from '../sync/not-kept';
import {
  JOINED,
  remember,
  rememberedJoined,
  TOLD_KEPT,
  type HouseholdView,
} from './remembered-household';

export interface HouseholdSessionDeps {
  store: EventStore<ListState>;
  current: () => ListState;
  notify: (sentence: Sentence) => void;
  connect: ConnectHousehold;
  notKept: typeof notKept;
  door: OtherDevicesDoor;
  show: (view: Partial<HouseholdView>) => void;
}

/**
 * The household door's half that loads late (with the first household joined, or on a visit
 * after one was): it remembers the household, starts and stops `src/sync/household.ts`, and
 * shows its status.
 */
export function householdSession(deps: HouseholdSessionDeps) {
  let joined = rememberedJoined();
  let session: Household | null = null;
  let starting: Promise<void> = Promise.resolve();
  let stopStatus = () => {};
  let told: readonly Sentence[] = [];
  // What sync left out or could not keep is told where the person is looking (the page's status
  // line) and kept in the Sync region, where they look to see how sharing goes.
  const notify = (sentence: Sentence) => {
    deps.notify(sentence);
    told = [sentence, ...told].slice(0, TOLD_KEPT);
    deps.show({ told });
  };

  async function start(of: Joined) {
    const { startHousehold } = await import('../sync/household');
    const next = await startHousehold({ ...deps, notify, joined: of });
    session = next;
    stopStatus = next.onStatus((status) => deps.show({ status }));
    deps.show({ name: of.invite.name, status: next.status() });
  }

  async function end() {
    await starting;
    stopStatus();
    await session?.stop();
    session = null;
  }

  if (joined) {
    deps.show({ name: joined.invite.name, status: { state: 'syncing', pending: 0 } });
    starting = start(joined).catch(() => deps.notify(says('joinFailed')));
  }

  return {
    async join(invite: Invite, deviceName: string) {
      await end();
      const next: Joined = {
        invite,
        deviceName,
        deviceId: deviceName || `device-${Math.random().toString(36).slice(2, 10)}`,
      };
      starting = start(next);
      await starting;
      joined = next;
      remember(JOINED, JSON.stringify(next));
    },
    async leave() {
      await starting;
      stopStatus();
      await session?.leave();
      session = null;
      joined = null;
      remember(JOINED, null);
      told = [];
      deps.show({ name: null, status: null, told });
    },
    invite: () => joined?.invite ?? null,
    kick: () => session?.kick(),
    stop: end,
  };
}

export type HouseholdSession = ReturnType<typeof householdSession>;
