const GONE: unique symbol = Symbol('gone');
type Slot<V> = V | typeof GONE;

/** Changes a copy carries before its next copy settles them into a new shared base. */
const SETTLE_AT = 256;

/**
 * A `Map` whose copies share what has not changed: `copy()` costs the changes made since the
 * base was last settled (at most `SETTLE_AT`), not the size of the table, so a fold that copies
 * 10,000 products or a 50,000-name purchase history per change costs what it changes.
 *
 * The base is never written once shared; each copy writes only its own changes over it. It
 * behaves as a `Map` in every way the model relies on, iteration order included: a key keeps
 * its place when its value is replaced, and a deleted key set again goes to the end.
 */
export class SharedMap<K, V extends NonNullable<unknown>> implements Map<K, V> {
  readonly [Symbol.toStringTag] = 'Map';
  #base: ReadonlyMap<K, V>;
  /** This copy's changes over `#base`: new keys, replaced values, and `GONE` for deletions. */
  #own: Map<K, Slot<V>>;
  /** Keys of the base deleted since: set again, they come after the base, as in a `Map`. */
  #moved: Set<K>;
  #size: number;

  constructor(entries?: Iterable<readonly [K, V]> | null) {
    this.#base = new Map(entries ?? []);
    this.#own = new Map();
    this.#moved = new Set();
    this.#size = this.#base.size;
  }

  /** A `SharedMap` to write to with `map`'s entries: a cheap copy if `map` is one already. */
  static copyOf<K, V extends NonNullable<unknown>>(map: ReadonlyMap<K, V>): SharedMap<K, V> {
    return map instanceof SharedMap ? map.copy() : new SharedMap(map);
  }

  /** A copy to write to, sharing this one's base: changes to either leave the other as it was. */
  copy(): SharedMap<K, V> {
    const copy = new SharedMap<K, V>();
    if (this.#own.size >= SETTLE_AT) {
      copy.#base = new Map(this);
    } else {
      copy.#base = this.#base;
      copy.#own = new Map(this.#own);
      copy.#moved = new Set(this.#moved);
    }
    copy.#size = this.#size;
    return copy;
  }

  /**
   * The part of the table shared with other copies, which no write changes: a derived view of
   * it can be kept (in a `WeakMap` keyed by it) and reused until it is next settled, with
   * `changedKeys` read afresh.
   */
  settled(): ReadonlyMap<K, V> {
    return this.#base;
  }

  /** The keys written or deleted since `settled()` was made: at most a few hundred. */
  changedKeys(): Iterable<K> {
    return this.#own.keys();
  }

  get size(): number {
    return this.#size;
  }

  has(key: K): boolean {
    const own = this.#own.get(key);
    if (own === undefined) return this.#base.has(key);
    return own !== GONE;
  }

  get(key: K): V | undefined {
    const own = this.#own.get(key);
    if (own === undefined) return this.#base.get(key);
    return own === GONE ? undefined : own;
  }

  set(key: K, value: V): this {
    const own = this.#own.get(key);
    if (own === GONE) {
      // Deleted from the base, now back: at the end, after everything else.
      this.#own.delete(key);
      this.#own.set(key, value);
      this.#size += 1;
    } else if (this.#own.has(key) || this.#base.has(key)) {
      this.#own.set(key, value);
    } else {
      this.#own.set(key, value);
      this.#size += 1;
    }
    return this;
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false;
    if (this.#base.has(key)) {
      this.#own.delete(key);
      this.#own.set(key, GONE);
      this.#moved.add(key);
    } else {
      this.#own.delete(key);
    }
    this.#size -= 1;
    return true;
  }

  getOrInsert(key: K, value: V): V {
    if (!this.has(key)) this.set(key, value);
    return this.get(key)!;
  }

  getOrInsertComputed(key: K, compute: (key: K) => V): V {
    if (!this.has(key)) this.set(key, compute(key));
    return this.get(key)!;
  }

  clear(): void {
    this.#base = new Map();
    this.#own = new Map();
    this.#moved = new Set();
    this.#size = 0;
  }

  entries(): MapIterator<[K, V]> {
    // Just settled, or never written: the base is the whole table, in its order.
    return this.#own.size === 0 ? this.#base.entries() : this.#merged();
  }

  // Values are never undefined here, so one lookup in `#own` per entry of the base tells
  // whether it was changed: the common case (unchanged) costs no more.
  *#merged(): MapIterator<[K, V]> {
    const own = this.#own;
    const moved = this.#moved;
    const base = this.#base;
    for (const [key, value] of base) {
      const mine = own.get(key);
      if (mine === undefined) yield [key, value];
      else if (mine !== GONE && !moved.has(key)) yield [key, mine];
    }
    for (const [key, value] of own) {
      if (value !== GONE && (moved.has(key) || !base.has(key))) yield [key, value];
    }
  }

  keys(): MapIterator<K> {
    return this.#own.size === 0 ? this.#base.keys() : this.#keys();
  }

  values(): MapIterator<V> {
    return this.#own.size === 0 ? this.#base.values() : this.#values();
  }

  *#keys(): MapIterator<K> {
    for (const [key] of this.#merged()) yield key;
  }

  *#values(): MapIterator<V> {
    const own = this.#own;
    const moved = this.#moved;
    const base = this.#base;
    for (const [key, value] of base) {
      const mine = own.get(key);
      if (mine === undefined) yield value;
      else if (mine !== GONE && !moved.has(key)) yield mine;
    }
    for (const [key, value] of own) {
      if (value !== GONE && (moved.has(key) || !base.has(key))) yield value;
    }
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /**
   * The fast way through: the base's own `forEach`, with no generator and no entry arrays, a
   * fifth of the cost of `values()` over a 50,000-name history. Hot scans use it.
   */
  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    const own = this.#own;
    const base = this.#base;
    if (own.size === 0) {
      base.forEach((value, key) => callback.call(thisArg, value, key, this));
      return;
    }
    const moved = this.#moved;
    base.forEach((value, key) => {
      const mine = own.get(key);
      if (mine === undefined) callback.call(thisArg, value, key, this);
      else if (mine !== GONE && !moved.has(key)) callback.call(thisArg, mine, key, this);
    });
    own.forEach((value, key) => {
      if (value !== GONE && (moved.has(key) || !base.has(key))) {
        callback.call(thisArg, value, key, this);
      }
    });
  }
}
