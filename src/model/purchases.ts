import { nameKey } from '../events';

/** What the history knows about one product name, across every list: the basis of suggestions. */
export interface Purchase {
  readonly key: string;
  /** The name as it was last written. */
  readonly name: string;
  readonly timesAdded: number;
  readonly lastAddedAt: number;
  /** When it was checked off, oldest first: the last `KEEP_TIMES` of them. */
  readonly boughtAt: readonly number[];
}

export type PurchaseTable = Map<string, Purchase>;

/** One thing an action did to the purchase history; undo takes exactly these back. */
export interface PurchaseEffect {
  readonly key: string;
  readonly name: string;
  readonly kind: 'added' | 'bought';
  readonly at: number;
}

const KEEP_TIMES = 20;

/** Applies (`sign` 1) or takes back (`sign` -1) effects on the purchase rows, in place. */
export function applyPurchaseEffects(
  purchases: PurchaseTable,
  effects: readonly PurchaseEffect[],
  sign: 1 | -1,
): void {
  for (const effect of effects) {
    const row = purchases.get(effect.key) ?? {
      key: effect.key,
      name: effect.name,
      timesAdded: 0,
      lastAddedAt: 0,
      boughtAt: [],
    };
    let next: Purchase;
    if (effect.kind === 'bought') {
      const boughtAt =
        sign === 1
          ? [...row.boughtAt, effect.at].slice(-KEEP_TIMES)
          : row.boughtAt.filter((at) => at !== effect.at);
      next = { ...row, boughtAt };
    } else if (sign === 1) {
      next = { ...row, name: effect.name, timesAdded: row.timesAdded + 1, lastAddedAt: effect.at };
    } else {
      next = { ...row, timesAdded: row.timesAdded - 1 };
    }
    if (next.timesAdded <= 0 && next.boughtAt.length === 0) purchases.delete(effect.key);
    else purchases.set(effect.key, next);
  }
}

const DAY = 24 * 60 * 60 * 1000;

/** "Every 9 days", once something has been bought at least three times. */
export function rhythmOf(purchase: Purchase): number | null {
  const times = purchase.boughtAt;
  if (times.length < 3) return null;
  const gaps = times
    .slice(1)
    .map((at, i) => at - times[i]!)
    .sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  return Math.max(1, Math.round(median / DAY));
}

/** Frequency, discounted by how long ago: a month-old habit counts half. */
function score(purchase: Purchase, now: number): number {
  const age = Math.max(0, now - purchase.lastAddedAt) / (30 * DAY);
  return (purchase.timesAdded + purchase.boughtAt.length) / (1 + age);
}

/**
 * The latest moment the history knows of. Recency is measured from it rather than from the
 * clock: pure, and after a month away the usual things still rank as usual.
 */
function latest(purchases: ReadonlyMap<string, Purchase>): number {
  let now = 0;
  for (const p of purchases.values()) now = Math.max(now, p.lastAddedAt, p.boughtAt.at(-1) ?? 0);
  return now;
}

/** Names from the history that start (or have a word that starts) with what is typed, best first. */
export function suggestionsFor(
  purchases: ReadonlyMap<string, Purchase>,
  typed: string,
  now = latest(purchases),
  limit = 6,
): Purchase[] {
  const query = nameKey(typed);
  if (!query) return [];
  return [...purchases.values()]
    .filter((p) => p.key !== query && (p.key.startsWith(query) || p.key.includes(` ${query}`)))
    .sort((a, b) => score(b, now) - score(a, now) || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/** The most often bought products that are not on the list to buy now. */
export function buyAgain(
  purchases: ReadonlyMap<string, Purchase>,
  onList: ReadonlySet<string>,
  now = latest(purchases),
  limit = 6,
): Purchase[] {
  return [...purchases.values()]
    .filter((p) => p.boughtAt.length > 0 && !onList.has(p.key))
    .sort(
      (a, b) =>
        b.boughtAt.length - a.boughtAt.length ||
        score(b, now) - score(a, now) ||
        a.key.localeCompare(b.key),
    )
    .slice(0, limit);
}
