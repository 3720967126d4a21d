import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { serveBuild } from '../e2e/serve';
import { startNatsHarness, type NatsHarness } from '../src/sync/nats/harness';
import { accountOf, clockDisagreement, joinDevice, openDevice } from './devices';
import { median, ms, quantile, type Row } from './figures';
import type { NatsAccount } from './nats';
import { seedStream } from './seed';

/**
 * The sync rows (DESIGN §8, issue 13): devices are browser contexts (their own storage) of the
 * real app, built, served here and joined by invite link to households on a real nats-server
 * this bench starts (src/sync/nats/harness.ts). The baselines run in the benchmark page of the
 * same browser over the same kind of connection: a WebSocket as the household's browser user.
 */

const ADDS = { warmUp: 5, counted: 30, roundTripsEach: 3 };
const BEHIND = 10_000;
/** How long a row may take to show on the other device before the bench says the app broke. */
const ROW_WAIT = 10_000;
const CATCH_UP_WAIT = 180_000;

export interface SyncBench {
  readonly browser: Browser;
  /** The benchmark page (bench/page.tsx), where the raw NATS baselines run. */
  readonly bench: Page;
  readonly row: (r: Row) => void;
  readonly results: Record<string, unknown>;
}

/** Adds on A, each timed from its Enter keypress to the frame that painted it on B. */
async function liveAdds(bench: Page, a: Page, b: Page, account: NatsAccount) {
  const product = a.getByRole('combobox', { name: 'Product' });
  const run = Math.random().toString(36).slice(2, 8);
  const latencies: number[] = [];
  const toDom: number[] = [];
  const roundTrips: number[] = [];
  // Enter to A's first frame out (its push) and to B's first frame in (the server's news).
  const breakdown = { aSent: [] as number[], bGot: [] as number[] };
  let lastPressed = 0;
  for (let i = 0; i < ADDS.warmUp + ADDS.counted; i += 1) {
    // In turns with the adds, so whatever the machine is doing slows both alike.
    const trips = await bench.evaluate(
      ({ account, count }) => window.bench.nats.roundTrips(account, count),
      { account, count: ADDS.roundTripsEach },
    );
    const name = `apple sync ${run} ${i}`;
    await b.evaluate(({ name, wait }) => window.probe.arm(name, wait), { name, wait: ROW_WAIT });
    await product.fill(name);
    await product.press('Enter');
    const pressed = await a.evaluate(() => window.probe.lastEnter());
    expect(pressed, 'the Enter keypress on device A was seen').toBeGreaterThan(lastPressed);
    lastPressed = pressed;
    const arrived = await b.evaluate((name) => window.probe.arrived(name), name);
    await expect(product).toHaveValue('');
    if (i < ADDS.warmUp) continue;
    latencies.push(arrived.painted - pressed);
    toDom.push(arrived.dom - pressed);
    roundTrips.push(...trips);
    const sent = await a.evaluate((t) => window.probe.firstFrame(t, true), pressed);
    const got = await b.evaluate((t) => window.probe.firstFrame(t, false), pressed);
    breakdown.aSent.push(sent - pressed);
    breakdown.bGot.push(got - pressed);
  }
  return { latencies, toDom, roundTrips, breakdown };
}

/**
 * A device `BEHIND` events behind joins (Join to "Synced" with every product in the list,
 * painted), in turns with the baseline: the same messages read raw through an ordered consumer
 * in the benchmark page. One read first warms the page's NATS code and is not counted.
 */
async function catchUps(
  { browser, bench }: SyncBench,
  contexts: BrowserContext[],
  link: string,
  rounds: number,
) {
  const account = accountOf(link);
  const read = () =>
    bench.evaluate(({ account, count }) => window.bench.nats.orderedRead(account, count), {
      account,
      count: BEHIND,
    });
  const n = BEHIND.toLocaleString('en-US');
  await read();
  const reads = [];
  const joins = [];
  for (let round = 0; round < rounds; round += 1) {
    reads.push(await read());
    const page = await openDevice(browser, contexts, link, `Catch-up ${round}`);
    joins.push(
      await page.evaluate(({ expected, wait }) => window.probe.join(expected, wait), {
        expected: `${n} of ${n} left to buy`,
        wait: CATCH_UP_WAIT,
      }),
    );
    await page.context().close();
  }
  return { reads, joins };
}

export async function syncRows(options: SyncBench) {
  const { browser, bench, row, results } = options;
  const contexts: BrowserContext[] = [];
  let harness: NatsHarness | undefined;
  const app = await serveBuild();
  try {
    harness = await startNatsHarness();
    const live = await harness.createHousehold('Bench live', app.url);
    const a = await joinDevice(browser, contexts, live.link, 'Device A');
    const b = await joinDevice(browser, contexts, live.link, 'Device B');
    const clock = await clockDisagreement(a, b);
    const adds = await liveAdds(bench, a, b, accountOf(live.link));
    // Nothing of the live household keeps working while the catch-up is timed.
    await Promise.all([a.context().close(), b.context().close()]);
    await bench.evaluate(() => window.bench.nats.closeRoundTrips());
    results.syncAdd = {
      ...adds,
      clockDisagreement: clock,
      medians: { aSent: median(adds.breakdown.aSent), bGot: median(adds.breakdown.bGot) },
    };
    for (const [label, q] of [
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const) {
      const value = quantile(adds.latencies, q);
      const baseline = quantile(adds.roundTrips, q);
      row({
        metric: `sync: add on one device, Enter to painted on another, ${label}`,
        value: ms(value),
        baseline: `NATS round trip ${ms(baseline, 2)}`,
        ratio: `${(value / baseline).toFixed(1)}×`,
        budget: label === 'p95' ? '≤ 3×, ≤ 1 s' : '—',
      });
    }

    const behind = await harness.createHousehold('Bench catch-up', app.url);
    const seeded = await seedStream(harness, behind, BEHIND);
    const { reads, joins } = await catchUps(options, contexts, behind.link, 3);
    results.syncCatchUp = { seeded, reads, joins };
    const joinMs = median(joins.map((j) => j.ms));
    const readMs = median(reads.map((r) => r.ms));
    row({
      metric: `sync: catch-up of a device ${BEHIND.toLocaleString('en')} events behind, Join to Synced and painted (median)`,
      value: ms(joinMs),
      baseline: `ordered-consumer read ${ms(readMs)}`,
      ratio: `${(joinMs / readMs).toFixed(1)}×`,
      budget: '≤ 4×',
    });
    const longestTask = Math.max(...joins.map((j) => j.longestTask));
    row({
      metric: 'catch-up: longest main-thread task',
      value: longestTask > 0 ? ms(longestTask) : 'none over 50 ms',
      baseline: '—',
      ratio: '—',
      budget: 'none over 50 ms',
    });
    row({
      metric: 'catch-up: longest the page went unresponsive',
      value: ms(Math.max(...joins.map((j) => j.longestGap))),
      baseline: '—',
      ratio: '—',
      budget: '—',
    });
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    // Best effort: a failure above is the one to report.
    await bench.evaluate(() => window.bench.nats.closeRoundTrips()).catch(() => undefined);
    await app.stop();
    await harness?.close();
  }
}
