import Dexie from 'dexie';
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../src/app/App';
import { BasketProvider, openBasket, type Basket } from '../src/bus';
import { DEFAULT_STREAM, type BasketEvent } from '../src/events';
import { I18nProvider } from '../src/i18n';
import { CATEGORY_WORDS, foldLog, listProjection, type ListState } from '../src/model';
import { openDexieStore, type EventStore } from '../src/store';
import '../src/app/app.css';
import { natsBaselines } from './nats';
import { openPeerDb, type PeerProduct } from './peer/db';

/**
 * What the benchmark drives in the page (`bench/bench.spec.ts`): each function does one measured
 * thing with Basket's real modules, or its raw-Dexie baseline, and returns milliseconds.
 */

const WORDS = Object.values(CATEGORY_WORDS)
  .flatMap((w) => w.split('|'))
  .filter((w) => /^[a-z]+$/.test(w));
const AT = Date.UTC(2025, 0, 1);

/** Product `i`'s name: a real word, so it is sorted into an aisle, and a unique number. */
export const productName = (i: number) =>
  `${WORDS[i % WORDS.length]} ${String(i).padStart(5, '0')}`;

/**
 * A year of shopping: `products` added, then check-offs and un-check-offs until there are
 * `total` events, each its own action, as a person would make them.
 */
function history(products: number, total: number, prefix = 'e', pastNames = 0): BasketEvent[] {
  const events: BasketEvent[] = [...pastShopping(pastNames, prefix)];
  const from = events.length;
  const checked = new Array<boolean>(products).fill(false);
  const envelope = (n: number) => ({
    id: `${prefix}${from + n}`,
    at: AT + (from + n) * 1000,
    streamId: DEFAULT_STREAM,
    streamVersion: from + n + 1,
    v: 1 as const,
  });
  for (let n = 0; n < total; n += 1) {
    if (n < products) {
      events.push({
        ...envelope(n),
        type: 'ProductAdded',
        v: 2,
        payload: { productId: `p${n}`, name: productName(n), quantity: 1, unit: null },
      });
    } else {
      const i = (n * 7919) % products;
      const type = checked[i] ? 'ProductUnchecked' : 'ProductChecked';
      checked[i] = !checked[i];
      events.push({ ...envelope(n), type, payload: { productId: `p${i}` } });
    }
  }
  return events;
}

/**
 * Years of shopping before today's list: `names` different things, each added, bought and
 * removed, so the purchase history (suggestions, Buy again) knows `names` names.
 */
function pastShopping(names: number, prefix: string): BasketEvent[] {
  const events: BasketEvent[] = [];
  const envelope = () => {
    const n = events.length;
    return {
      id: `${prefix}past${n}`,
      at: AT - (3 * names - n) * 60_000,
      streamId: DEFAULT_STREAM,
      streamVersion: n + 1,
      v: 1 as const,
    };
  };
  for (let j = 0; j < names; j += 1) {
    const productId = `past${j}`;
    const name = `${WORDS[j % WORDS.length]} bought ${String(j).padStart(5, '0')}`;
    events.push({
      ...envelope(),
      type: 'ProductAdded',
      v: 2,
      payload: { productId, name, quantity: 1, unit: null },
    });
    events.push({ ...envelope(), type: 'ProductChecked', payload: { productId } });
    events.push({ ...envelope(), type: 'ProductRemoved', payload: { productId } });
  }
  return events;
}

const now = () => performance.now();
/** After the next frame has been produced: the change is on screen. */
const painted = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

/**
 * A person's keystroke lands anywhere in a frame: start at a random moment of one, rather than
 * just after a frame (the worst case, a whole frame's wait for the next one).
 */
const anyMomentOfAFrame = async () => {
  await painted();
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 16));
};

/** Resolves once `test` holds of the document, checked on every DOM change. */
function whenDom(test: () => boolean): Promise<void> {
  if (test()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (test()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** How long `work` took, and the longest the page went without running a 5 ms timer meanwhile. */
async function withLongestGap(work: () => Promise<unknown>) {
  let last = now();
  let longest = 0;
  const timer = setInterval(() => {
    const t = now();
    longest = Math.max(longest, t - last);
    last = t;
  }, 5);
  const t = now();
  await work();
  const ms = now() - t;
  clearInterval(timer);
  return { ms, longestGap: Math.max(longest, now() - last) };
}

const rawDb = (name: string) => {
  const db = new Dexie(name);
  // The same table and indexes as Basket's event log.
  db.version(1).stores({ events: '++seq, &id, &[streamId+streamVersion], streamId' });
  return db;
};

let mounted: { root: Root; basket: Basket } | null = null;
let appender: {
  store: EventStore<ListState>;
  raw: Dexie;
  version: number;
  rawVersion: number;
} | null = null;
let keep: unknown = null;

const setValue = (input: HTMLInputElement, value: string) => {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const labelled = (name: string) =>
  [...document.querySelectorAll('.product-name')].some((l) => l.textContent === name);

const bench = {
  /**
   * Writes a history into database `name` through Basket's own import: `products` on the list,
   * `total - products` check-offs and un-check-offs of them, after `pastNames` things bought and
   * removed before.
   */
  async seed(name: string, products: number, total: number, pastNames = 0) {
    const store = await openDexieStore({ name, projection: listProjection });
    const t = now();
    await store.importEvents(history(products, total, 'e', pastNames));
    store.close();
    return now() - t;
  },

  /** Opens Basket on `name` as the app does and shows the list: data work, and to painted. */
  async boot(name: string) {
    await bench.unmount();
    const t = now();
    const basket = await openBasket({ storage: { name }, crossTab: null });
    const data = now() - t;
    const root = createRoot(document.getElementById('root')!);
    root.render(
      <BasketProvider basket={basket}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </BasketProvider>,
    );
    await whenDom(() => document.querySelector('.product-name') !== null);
    await painted();
    mounted = { root, basket };
    return { data, painted: now() - t, products: basket.getState().list.products.size };
  },

  async unmount() {
    mounted?.root.unmount();
    mounted?.basket.dispose();
    mounted = null;
    keep = null;
  },

  /** The baseline for boot: read the whole log and fold it, in the same page. */
  async replay(name: string) {
    const t = now();
    const store = await openDexieStore({ name, projection: listProjection });
    const events = await store.readAfter(0);
    const list = foldLog(events);
    store.close();
    return { ms: now() - t, events: events.length, products: list.products.size };
  },

  /**
   * `count` single-event appends through Basket's store, durably, each followed by its baseline:
   * a raw Dexie `add` of the same kind of record to the same table of the same database (another
   * list, so Basket's own stays as it was), indexes and all. Taken in turns, so whatever the
   * machine is doing at the moment slows both alike. Basket's store is opened and loaded once,
   * as the app does at boot, and both stay open between calls.
   */
  async appends(name: string, count: number) {
    if (!appender) {
      const store = await openDexieStore({ name, projection: listProjection });
      const list = await store.load();
      const raw = rawDb(name);
      await raw.open();
      appender = { store, raw, version: list.versions.get(DEFAULT_STREAM) ?? 0, rawVersion: 0 };
    }
    const basket: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const n = appender.version;
      const event: BasketEvent = {
        id: `append-${name}-${n}`,
        type: 'ProductAdded',
        v: 2,
        at: AT + 1e9 + n,
        streamId: DEFAULT_STREAM,
        streamVersion: n + 1,
        payload: { productId: `a${n}`, name: `appended ${n}`, quantity: 1, unit: null },
      };
      const r = (appender.rawVersion += 1);
      const record = {
        id: `raw-${r}`,
        type: 'ProductAdded',
        v: 2,
        at: AT + r,
        streamId: 'list:raw',
        streamVersion: r,
        payload: { productId: `r${r}`, name: `raw ${r}`, quantity: 1, unit: null },
      };
      const { store, raw: rawDb } = appender;
      const timed = async (work: () => Promise<unknown>, into: number[]) => {
        const t = now();
        await work();
        into.push(now() - t);
      };
      const ours = () => timed(() => store.append(DEFAULT_STREAM, n, [event]), basket);
      const theirs = () => timed(() => rawDb.table('events').add(record), raw);
      // Which goes first alternates, so neither always follows the other's commit.
      if (i % 2 === 0) {
        await ours();
        await theirs();
      } else {
        await theirs();
        await ours();
      }
      appender.version += 1;
    }
    return { basket, raw };
  },

  /**
   * Basket's import of `products` products into an empty database, with the longest the page
   * went without running a timer (a frozen page shows as a long gap).
   */
  async importProducts(name: string, products: number) {
    const events = history(products, products, 'i');
    const store = await openDexieStore({ name, projection: listProjection });
    const timed = await withLongestGap(() => store.importEvents(events));
    store.close();
    return timed;
  },

  /**
   * Saves the read model of `name` with what was appended since (as Basket does when the page is
   * idle), with the longest the page went without running a timer.
   */
  async compact(name: string) {
    const store = await openDexieStore({ name, projection: listProjection });
    await store.load();
    let folded = 0;
    const timed = await withLongestGap(async () => {
      folded = await store.compact();
    });
    store.close();
    return { ...timed, folded };
  },

  /** The baseline for import: a raw `bulkAdd` of the same records to the same indexes. */
  async rawBulkAdd(name: string, products: number) {
    const events = history(products, products, 'b');
    const db = rawDb(name);
    await db.open();
    const t = now();
    await db.table('events').bulkAdd(events);
    const ms = now() - t;
    db.close();
    return ms;
  },

  /** Types a produce name and presses Enter `count` times: to the DOM, and to painted. */
  async adds(count: number) {
    const product = document.querySelector<HTMLInputElement>(
      '[role="combobox"][aria-autocomplete]',
    )!;
    const dom: number[] = [];
    const paint: number[] = [];
    for (let i = 0; i < count; i += 1) {
      // Letters only: a name ending in digits ("apple bench 15209g") is read as a quantity
      // and a unit, and the row it adds is not named as typed.
      const name = `apple bench ${Math.random()
        .toString(36)
        .slice(2, 8)
        .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
      setValue(product, name);
      await anyMomentOfAFrame();
      const t = now();
      product.form!.requestSubmit();
      await whenDom(() => labelled(name));
      dom.push(now() - t);
      await painted();
      paint.push(now() - t);
      await whenDom(() => product.value === '');
    }
    return { dom, paint };
  },

  /** Types into the search box `count` times, each keystroke narrowing to another product. */
  async searches(count: number, products: number) {
    const search = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const dom: number[] = [];
    const paint: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const name = productName((i * 997) % products);
      await anyMomentOfAFrame();
      const t = now();
      setValue(search, name);
      await whenDom(() => {
        const first = document.querySelector('.product-name');
        return first?.textContent === name;
      });
      dom.push(now() - t);
      await painted();
      paint.push(now() - t);
    }
    setValue(search, '');
    return { dom, paint };
  },

  /**
   * The peer app's database (bench/peer): the same `products` names, the same ones bought as
   * `seed(name, products, products + bought)` checks off.
   */
  async seedPeer(name: string, products: number, bought: number) {
    await Dexie.delete(name);
    const db = openPeerDb(name);
    const boughtIds = new Set<number>();
    for (let n = products; n < products + bought; n += 1) boughtIds.add((n * 7919) % products);
    const rows: PeerProduct[] = Array.from({ length: products }, (_, i) => ({
      id: `p${i}`,
      name: productName(i),
      quantity: 1,
      bought: boughtIds.has(i) ? 1 : 0,
      addedAt: AT + i * 1000,
      boughtAt: boughtIds.has(i) ? AT + (products + i) * 1000 : null,
    }));
    const t = now();
    await db.products.bulkAdd(rows);
    db.close();
    return now() - t;
  },

  /** Holds the whole log, as the History view does while it is open. */
  async loadHistory() {
    keep = await mounted!.basket.readLog();
    return (keep as unknown[]).length;
  },

  /** Closes what `appends` kept open. */
  closeAppenders() {
    appender?.store.close();
    appender?.raw.close();
    appender = null;
  },

  async deleteDatabase(name: string) {
    await Dexie.delete(name);
  },

  /** The sync rows' raw NATS baselines (bench/nats.ts). */
  nats: natsBaselines,
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.documentElement.dataset.ready = 'true';
