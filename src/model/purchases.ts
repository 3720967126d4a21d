import { nameKey, type StreamId } from '../events';
import { MATCH_ORDER, matchName } from './name-match';
import { SharedMap } from './shared-map';

/** What the history knows about one product name, across every list: the basis of suggestions. */
export interface Purchase {
  readonly key: string;
  /** The name as it was last written. */
  readonly name: string;
  readonly timesAdded: number;
  readonly lastAddedAt: number;
  /** Each time it was checked off, oldest first: the last `KEEP_TIMES` of them. */
  readonly bought: readonly Bought[];
}

/**
 * One check-off: when, on which list, and how many of what unit, so Buy again offers what was
 * bought there, as much as last time.
 */
export interface Bought {
  readonly at: number;
  readonly streamId: StreamId;
  readonly quantity: number;
  readonly unit: string | null;
}

export type PurchaseTable = Map<string, Purchase>;

/** One thing an action did to the purchase history; undo takes exactly these back. */
export type PurchaseEffect = {
  readonly key: string;
  readonly name: string;
  readonly at: number;
} & ({ readonly kind: 'added' } | ({ readonly kind: 'bought' } & Omit<Bought, 'at'>));

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
      bought: [],
    };
    let next: Purchase;
    if (effect.kind === 'bought') {
      const { at, streamId, quantity, unit } = effect;
      const bought =
        sign === 1
          ? [...row.bought, { at, streamId, quantity, unit }].slice(-KEEP_TIMES)
          : row.bought.filter((b) => b.at !== at || b.streamId !== streamId);
      next = { ...row, bought };
    } else if (sign === 1) {
      next = { ...row, name: effect.name, timesAdded: row.timesAdded + 1, lastAddedAt: effect.at };
    } else {
      next = { ...row, timesAdded: row.timesAdded - 1 };
    }
    if (next.timesAdded <= 0 && next.bought.length === 0) purchases.delete(effect.key);
    else purchases.set(effect.key, next);
  }
}

const DAY = 24 * 60 * 60 * 1000;

/** "Every 9 days", once something has been bought at least three times. */
export function rhythmOf(purchase: Purchase): number | null {
  const times = purchase.bought.map((b) => b.at);
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
  return (purchase.timesAdded + purchase.bought.length) / (1 + age);
}

/**
 * The latest moment the history knows of. Recency is measured from it rather than from the
 * clock: pure, and after a month away the usual things still rank as usual. A caller holding
 * the read model passes its `lastAt` instead, which is known without reading every name.
 */
function latest(purchases: ReadonlyMap<string, Purchase>): number {
  let now = 0;
  purchases.forEach((p) => (now = Math.max(now, p.lastAddedAt, p.bought.at(-1)?.at ?? 0)));
  return now;
}

/**
 * The best `limit` of what `offer` gives, in `order`, without sorting everything offered: a
 * history of 50,000 names gives six suggestions, and each change should cost what it changes.
 */
function best<T>(limit: number, order: (a: T, b: T) => number) {
  const kept: T[] = [];
  return {
    offer(item: T) {
      if (kept.length === limit && order(item, kept[limit - 1]!) >= 0) return;
      let i = kept.length;
      while (i > 0 && order(item, kept[i - 1]!) < 0) i -= 1;
      kept.splice(i, 0, item);
      if (kept.length > limit) kept.pop();
    },
    kept,
  };
}

const byKey = (a: Purchase, b: Purchase) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** What a query found in a settled history, kept for the queries typed after it. */
interface Found {
  readonly query: string;
  readonly purchases: readonly Purchase[];
}

/** Per settled history, the last few queries' matches: typing "m", "mi", "mil" narrows them. */
const foundIn = new WeakMap<ReadonlyMap<string, Purchase>, Found[]>();
const KEEP_QUERIES = 8;

/**
 * The names of `settled` that hold `query`. A name that holds "mil" holds "mi" too, so a query
 * that holds an earlier one reads only that one's matches; and an add (which changes the history
 * but leaves its settled part as it was) asks again for what is typed at no cost.
 */
function matchesIn(settled: ReadonlyMap<string, Purchase>, query: string): readonly Purchase[] {
  let kept = foundIn.get(settled);
  if (!kept) foundIn.set(settled, (kept = []));
  let narrowest: Found | undefined;
  for (const found of kept) {
    if (found.query === query) return found.purchases;
    if (
      query.includes(found.query) &&
      found.purchases.length < (narrowest?.purchases.length ?? Infinity)
    ) {
      narrowest = found;
    }
  }
  const purchases: Purchase[] = [];
  const test = (p: Purchase) => {
    if (p.key.includes(query)) purchases.push(p);
  };
  if (narrowest) narrowest.purchases.forEach(test);
  else settled.forEach(test);
  kept.push({ query, purchases });
  if (kept.length > KEEP_QUERIES) kept.shift();
  return purchases;
}

/**
 * Names from the history that hold what is typed (`matchName`, the rule search follows too):
 * those that start with it first, then those with a word that starts with it, then the rest;
 * within each, the most often and most recently added or bought first.
 *
 * Asked at every keystroke and after every change, it must not read a history of 50,000 names
 * each time: from a `SharedMap` it reads the settled part's matches (`matchesIn`), less the
 * names changed since, plus those.
 */
export function suggestionsFor(
  purchases: ReadonlyMap<string, Purchase>,
  typed: string,
  now?: number,
  limit = 6,
): Purchase[] {
  const query = nameKey(typed);
  if (!query) return [];
  const at = now ?? latest(purchases);
  const found = best<{ purchase: Purchase; order: number; score: number }>(
    limit,
    (a, b) => a.order - b.order || b.score - a.score || byKey(a.purchase, b.purchase),
  );
  const offer = (purchase: Purchase) => {
    const match = purchase.key === query ? null : matchName(purchase.key, query);
    if (match) found.offer({ purchase, order: MATCH_ORDER[match], score: score(purchase, at) });
  };
  if (purchases instanceof SharedMap) {
    const changed = new Set(purchases.changedKeys());
    for (const purchase of matchesIn(purchases.settled(), query)) {
      if (!changed.has(purchase.key)) offer(purchase);
    }
    for (const key of changed) {
      const purchase = purchases.get(key);
      if (purchase) offer(purchase);
    }
  } else {
    // `forEach`, not `for…of`: a plain table's own walk is the fastest there is.
    purchases.forEach(offer);
  }
  return found.kept.map((f) => f.purchase);
}

/** A product to buy again on a list, and how many (of what unit) were bought there last time. */
export interface Offer {
  readonly purchase: Purchase;
  readonly quantity: number;
  readonly unit: string | null;
}

interface Ranked extends Offer {
  readonly times: number;
  /** When it was last bought on this list. */
  readonly at: number;
}

/** Most bought on the list first, then the most recently bought there, then by name. */
const byHabit = (a: Ranked, b: Ranked) =>
  b.times - a.times || b.at - a.at || byKey(a.purchase, b.purchase);

/** What `purchase` offers to buy again on list `streamId`, if it was bought there. */
function rankedOn(purchase: Purchase, streamId: StreamId): Ranked | undefined {
  // Counted in place: an array per name of a long history was most of a scan's cost.
  let times = 0;
  let last: Bought | undefined;
  for (const b of purchase.bought) {
    if (b.streamId !== streamId) continue;
    times += 1;
    last = b;
  }
  return last && { purchase, quantity: last.quantity, unit: last.unit, times, at: last.at };
}

/** Each settled history's offers on each list, ranked once: see `buyAgain`. */
const rankings = new WeakMap<ReadonlyMap<string, Purchase>, Map<StreamId, readonly Ranked[]>>();

function rankingOf(settled: ReadonlyMap<string, Purchase>, streamId: StreamId) {
  let lists = rankings.get(settled);
  if (!lists) rankings.set(settled, (lists = new Map()));
  let ranked = lists.get(streamId);
  if (!ranked) {
    const all: Ranked[] = [];
    for (const purchase of settled.values()) {
      const offer = rankedOn(purchase, streamId);
      if (offer) all.push(offer);
    }
    lists.set(streamId, (ranked = all.sort(byHabit)));
  }
  return ranked;
}

/**
 * What to offer to buy again on list `streamId`: products bought on that list (a new "Hardware
 * store" list is offered nothing from the groceries), none of those on it to buy now (`onList`,
 * by name key), the most often bought there first, then the most recently, with the quantity
 * bought there last.
 *
 * Asked after every change, it must not read a history of 50,000 names each time. The order
 * depends on nothing but each name's own purchases, so the shared part of a `SharedMap` history
 * is ranked once (until it is next settled, every few hundred changes) and each ask reads that
 * ranking from the top, skipping what is on the list, plus the few names changed since.
 */
export function buyAgain(
  purchases: ReadonlyMap<string, Purchase>,
  streamId: StreamId,
  onList: { has(key: string): boolean },
  limit = 6,
): Offer[] {
  const offers = best<Ranked>(limit, byHabit);
  const offer = (ranked: Ranked | undefined) => {
    if (ranked && !onList.has(ranked.purchase.key)) offers.offer(ranked);
  };
  if (purchases instanceof SharedMap) {
    const changed = new Set(purchases.changedKeys());
    for (const ranked of rankingOf(purchases.settled(), streamId)) {
      if (offers.kept.length === limit) break;
      if (!changed.has(ranked.purchase.key)) offer(ranked);
    }
    for (const key of changed) {
      const purchase = purchases.get(key);
      if (purchase) offer(rankedOn(purchase, streamId));
    }
  } else {
    purchases.forEach((purchase) => offer(rankedOn(purchase, streamId)));
  }
  return offers.kept.map(({ purchase, quantity, unit }) => ({ purchase, quantity, unit }));
}
