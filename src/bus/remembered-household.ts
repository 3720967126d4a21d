import type { Sentence } from '../events/sentence';
import type { HouseholdStatus, Joined } from '../sync/household';

/** What the Sync panel shows: the household joined (if any), its status, this device's name. */
export interface HouseholdView {
  readonly name: string | null;
  readonly status: HouseholdStatus | null;
  readonly deviceName: string;
  /** What sync left out or could not keep, newest first: told in the Sync region until left. */
  readonly told: readonly Sentence[];
}

/** How many of those the Sync region keeps. */
export const TOLD_KEPT = 5;

/** Kept by this browser (the invite holds secrets: it is never sent anywhere but its server). */
export const JOINED = 'basket:household';
export const NAME = 'basket:device-name';
const DEVICE = 'basket:device';

export function remembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
export function remember(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not remembered: the next visit asks again.
  }
}

/** The household this browser joined, if any, as the tab that joined it remembered it. */
export function rememberedJoined(): Joined | null {
  try {
    const joined = JSON.parse(remembered(JOINED) ?? 'null') as Joined | null;
    return joined?.invite?.household ? joined : null;
  } catch {
    return null;
  }
}

/** What another tab says it shows, taken only as far as it makes sense. */
export function viewOf(raw: unknown): Partial<HouseholdView> {
  const { name, status, told } = (raw ?? {}) as Partial<HouseholdView>;
  return {
    name: typeof name === 'string' ? name : null,
    status: status && typeof status === 'object' && 'state' in status ? status : null,
    told: Array.isArray(told)
      ? told.filter((s): s is Sentence => typeof s?.key === 'string').slice(0, TOLD_KEPT)
      : [],
  };
}

let madeHere: string | null = null;

/**
 * This browser's id for itself, made once and kept: its dispatches carry it, so Undo takes back
 * only what was done here. Where nothing can be kept, it lasts as long as the page.
 */
export function thisDevice(): string {
  // Read once: every dispatch asks, and the id never changes once made.
  if (madeHere) return madeHere;
  madeHere = remembered(DEVICE) ?? crypto.randomUUID();
  remember(DEVICE, madeHere);
  return madeHere;
}
