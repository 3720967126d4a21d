import { expect, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { median, MB, ms, type Row } from './figures';
import { installProbe, type Probe } from './probe-page';

/**
 * Basket against the app a developer would write instead (issue 16, DESIGN §8): React + Dexie
 * `useLiveQuery`, windowed with @tanstack/react-virtual (bench/peer). Both pages are built by
 * bench/vite.config.ts and served from the same origin; each figure is a median of `SAMPLES`,
 * Basket and the peer taken in turns (which goes first alternates), at normal speed and with
 * the CPU slowed 4× as a mid-range phone is. Then Basket's own work per change (main-thread
 * time, from a CPU profile) at 100 and at 10,000 products, and with a 50,000-name history.
 */

const SAMPLES = 9;
const PRODUCTS = 10_000;
const BOUGHT = 2_000;
const RATES = [1, 4] as const;
/** Basket's work per change: rounds of the three lists in turns, and changes of a kind in each. */
const WORK_ROUNDS = 3;
const WORK_PER_ROUND = 6;

declare global {
  interface Window {
    pageProbe: Probe;
  }
}

interface App {
  readonly name: 'Basket' | 'peer';
  readonly path: string;
  readonly field: string;
}
const basketApp = (db: string): App => ({
  name: 'Basket',
  path: `/basket.html?db=${db}`,
  field: '[role="combobox"][aria-autocomplete]',
});
const peerApp = (db: string): App => ({
  name: 'peer',
  path: `/peer.html?db=${db}`,
  field: 'input[name="product"]',
});

export interface VersusBench {
  readonly context: BrowserContext;
  /** The benchmark page (bench/page.tsx), where the databases are seeded. */
  readonly bench: Page;
  readonly row: (r: Row) => void;
  readonly results: Record<string, unknown>;
}

interface Opened {
  readonly page: Page;
  readonly cdp: CDPSession;
  /** Navigation to the first frame with product rows in it. */
  readonly firstRows: number;
}

async function open(context: BrowserContext, app: App, rate: number, products: number) {
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(installProbe);
  await page.goto(app.path);
  const firstRows = await page.evaluate(() => window.pageProbe.firstRows());
  // The page shows the whole list it was given (and what earlier rounds added), not a part of it.
  await expect(async () => {
    const total = (await page.locator('.summary').textContent())?.match(/of ([\d,]+)/)?.[1];
    expect(Number(total?.replaceAll(',', ''))).toBeGreaterThanOrEqual(products);
  }).toPass({ timeout: 30_000 });
  if (errors.length) throw errors[0];
  return { page, cdp, firstRows } satisfies Opened;
}

async function close({ page, cdp }: Opened) {
  await cdp.detach();
  await page.close();
}

async function heapOf({ cdp }: Opened) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Main-thread time spent (not idle) while `work` ran, from a CPU profile sampled every 100 µs. */
async function busy(cdp: CDPSession, work: () => Promise<unknown>) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  const idle = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
  );
  let us = 0;
  profile.samples?.forEach((node, i) => {
    if (!idle.has(node)) us += profile.timeDeltas?.[i] ?? 0;
  });
  return us / 1000;
}

/** `a` then `b` on even rounds, `b` then `a` on odd ones: drift slows both alike. */
async function inTurns<T>(round: number, a: () => Promise<T>, b: () => Promise<T>) {
  if (round % 2 === 0) return [await a(), await b()] as const;
  const second = await b();
  return [await a(), second] as const;
}

const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`;

export async function versusRows({ context, bench, row, results }: VersusBench) {
  const seeded = {
    basket: await bench.evaluate(
      ({ products, bought }) => window.bench.seed('vs-basket', products, products + bought),
      { products: PRODUCTS, bought: BOUGHT },
    ),
    peer: await bench.evaluate(
      ({ products, bought }) => window.bench.seedPeer('vs-peer', products, bought),
      { products: PRODUCTS, bought: BOUGHT },
    ),
  };
  const basket = basketApp('vs-basket');
  const peer = peerApp('vs-peer');
  const out: Record<string, unknown> = { seeded };
  results.versus = out;

  // Boot: navigation to the first rows painted, a fresh tab each time (the code cached, as the
  // service worker keeps it); a first boot of each warms up and is not counted.
  for (const rate of RATES) {
    const boots = { Basket: [] as number[], peer: [] as number[] };
    for (let round = 0; round <= SAMPLES; round += 1) {
      const bootOnce = async (app: App) => {
        const opened = await open(context, app, rate, PRODUCTS);
        await close(opened);
        if (round > 0) boots[app.name].push(opened.firstRows);
      };
      await inTurns(
        round,
        () => bootOnce(basket),
        () => bootOnce(peer),
      );
    }
    out[`boot${rate}x`] = boots;
    row({
      metric: `boot to first rows painted, 10,000 products, CPU ${rate}×`,
      value: ms(median(boots.Basket)),
      baseline: `plain Dexie app ${ms(median(boots.peer))}`,
      ratio: ratio(median(boots.Basket), median(boots.peer)),
      budget: '≤ 1×',
    });
  }

  // Heap once booted and settled, each page alone in its tab.
  const heaps = { Basket: [] as number[], peer: [] as number[] };
  for (let round = 0; round < 3; round += 1) {
    const heapOnce = async (app: App) => {
      const opened = await open(context, app, 1, PRODUCTS);
      await opened.page.waitForTimeout(1000);
      heaps[app.name].push(await heapOf(opened));
      await close(opened);
    };
    await inTurns(
      round,
      () => heapOnce(basket),
      () => heapOnce(peer),
    );
  }
  out.heap = heaps;
  row({
    metric: 'JS heap, 10,000 products booted, beside the plain Dexie app',
    value: MB(median(heaps.Basket)),
    baseline: `plain Dexie app ${MB(median(heaps.peer))}`,
    ratio: ratio(median(heaps.Basket), median(heaps.peer)),
    budget: '≤ 1.2×',
  });

  // Add and check off, Basket and the peer open side by side, in turns.
  for (const rate of RATES) {
    const [ours, theirs] = [
      await open(context, basket, rate, PRODUCTS),
      await open(context, peer, rate, PRODUCTS),
    ];
    const pages = { Basket: ours, peer: theirs };
    const adds = { Basket: [] as number[], peer: [] as number[] };
    const checks = { Basket: [] as number[], peer: [] as number[] };
    for (let round = 0; round <= SAMPLES; round += 1) {
      // Only the tab in front draws frames.
      const addOnce = async (app: App) => {
        await pages[app.name].page.bringToFront();
        const times = await pages[app.name].page.evaluate(
          (field) => window.pageProbe.adds(field, 1),
          app.field,
        );
        if (round > 0) adds[app.name].push(...times);
      };
      const checkOnce = async (app: App) => {
        await pages[app.name].page.bringToFront();
        const times = await pages[app.name].page.evaluate(() => window.pageProbe.checks(1));
        if (round > 0) checks[app.name].push(...times);
      };
      await inTurns(
        round,
        () => addOnce(basket),
        () => addOnce(peer),
      );
      await inTurns(
        round,
        () => checkOnce(basket),
        () => checkOnce(peer),
      );
      // A row checked off here moves to Bought after a moment: not while the other is timed.
      await ours.page.waitForTimeout(2500);
    }
    await close(ours);
    await close(theirs);
    out[`changes${rate}x`] = { adds, checks };
    row({
      metric: `add, Enter to painted, 10,000 products, CPU ${rate}×`,
      value: ms(median(adds.Basket)),
      baseline: `plain Dexie app ${ms(median(adds.peer))}`,
      ratio: ratio(median(adds.Basket), median(adds.peer)),
      budget: `≤ 1×; ≤ ${rate === 1 ? 'one frame' : 'two frames'}`,
    });
    row({
      metric: `check off, click to painted, 10,000 products, CPU ${rate}×`,
      value: ms(median(checks.Basket)),
      baseline: `plain Dexie app ${ms(median(checks.peer))}`,
      ratio: ratio(median(checks.Basket), median(checks.peer)),
      budget: `≤ 1×; ≤ ${rate === 1 ? 'one frame' : 'two frames'}`,
    });
  }

  // Basket's own work per change as the list and the history grow.
  const scenarios = [
    { db: 'work-100', products: 100, bought: 20, pastNames: 0, label: '100 products' },
    { db: 'work-10k', products: PRODUCTS, bought: BOUGHT, pastNames: 0, label: '10,000 products' },
    {
      db: 'work-10k-history',
      products: PRODUCTS,
      bought: BOUGHT,
      pastNames: 50_000,
      label: '10,000 products, 50,000-name history',
    },
  ];
  for (const s of scenarios) {
    await bench.evaluate(
      ({ db, products, bought, pastNames }) =>
        window.bench.seed(db, products, products + bought, pastNames),
      s,
    );
  }
  // In rounds, the three lists in turns (which goes first rotates), each opened afresh in its own
  // tab, so whatever the machine does meanwhile slows all three alike: taken one after another,
  // drift between them alone moved a ratio by half. Each figure is the work of every change of
  // its kind over every round, divided by their number.
  const spent = new Map<string, Record<string, number>>(
    scenarios.map((s) => [s.label, { add: 0, check: 0, edit: 0, delete: 0 }]),
  );
  for (let round = 0; round < WORK_ROUNDS; round += 1) {
    for (let i = 0; i < scenarios.length; i += 1) {
      const s = scenarios[(i + round) % scenarios.length]!;
      const opened = await open(context, basketApp(s.db), 1, s.products);
      const probe = opened.page;
      // Warm up: the first of each kind loads code (the windowing, the edit path), not counted.
      await probe.evaluate((field) => window.pageProbe.adds(field, 2), basket.field);
      await probe.evaluate(() => window.pageProbe.checks(2));
      await probe.evaluate(() => window.pageProbe.changes('edit', 2));
      await probe.evaluate(() => window.pageProbe.changes('delete', 2));
      // The read model is saved once after boot, when the page is first idle: a whole-table
      // write a boot costs, not a change, so it is done now rather than inside a measured change.
      await probe.evaluate(() => window.benchBasket!.compact());
      await probe.waitForTimeout(2500);
      const n = WORK_PER_ROUND;
      const kinds = {
        add: () =>
          probe.evaluate(({ field, n }) => window.pageProbe.adds(field, n), {
            field: basket.field,
            n,
          }),
        check: () => probe.evaluate((n) => window.pageProbe.checks(n), n),
        edit: () => probe.evaluate((n) => window.pageProbe.changes('edit', n), n),
        delete: () => probe.evaluate((n) => window.pageProbe.changes('delete', n), n),
      };
      const sums = spent.get(s.label)!;
      for (const [kind, run] of Object.entries(kinds)) {
        // What a change sets going after it paints (a checked row moving to Bought) counts too.
        sums[kind] =
          (sums[kind] ?? 0) +
          (await busy(opened.cdp, async () => {
            await run();
            await probe.waitForTimeout(2500);
          }));
      }
      await close(opened);
    }
  }
  const work: Record<string, Record<string, number>> = {};
  for (const [label, sums] of spent) {
    work[label] = Object.fromEntries(
      Object.entries(sums).map(([kind, ms]) => [kind, ms / (WORK_ROUNDS * WORK_PER_ROUND)]),
    );
  }
  out.work = work;
  const [small, large, history] = scenarios.map((s) => work[s.label]!);
  for (const kind of ['add', 'check', 'edit', 'delete']) {
    const at100 = small![kind]!;
    row({
      metric: `Basket's work per ${kind}, 10,000 products`,
      value: ms(large![kind]!),
      baseline: `100 products ${ms(at100)}`,
      ratio: ratio(large![kind]!, at100),
      budget: '≤ 1.5×',
    });
    row({
      metric: `Basket's work per ${kind}, 10,000 products, 50,000-name history`,
      value: ms(history![kind]!),
      baseline: `100 products ${ms(at100)}`,
      ratio: ratio(history![kind]!, at100),
      budget: '≤ 1.5×',
    });
  }
}
