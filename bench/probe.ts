/**
 * What bench/sync.ts reads in a device's page (the real app, built): installed before the app
 * loads (`addInitScript`), so it must stand alone, using nothing from outside this function.
 * Times are `performance.timeOrigin + performance.now()`: one clock for every page of the
 * browser, so a time on one device can be taken from a time on another.
 */
export function installProbe() {
  const stamp = () => performance.timeOrigin + performance.now();
  /** After the next frame has been produced (as bench/page.tsx's `painted`). */
  const painted = () =>
    new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      }),
    );
  /** `work`, or a failure saying `failure` if it takes more than `ms`. */
  const within = <T>(work: Promise<T>, ms: number, failure: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${failure} within ${ms / 1000} s`)), ms);
      work.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  /** Resolves once `test` holds of the document, checked on every DOM change; fails after `ms`. */
  const whenDom = (test: () => boolean, ms: number, failure: string) =>
    new Promise<void>((resolve, reject) => {
      if (test()) return resolve();
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`${failure} within ${ms / 1000} s`));
      }, ms);
      const observer = new MutationObserver(() => {
        if (!test()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
  const shown = (name: string) =>
    [...document.querySelectorAll('[aria-label="Shopping list"] .product-name')].some(
      (label) => label.textContent === name,
    );
  // The header's status line, or the Sync panel's while that is open (one shows at a time).
  const headerStatus = () => document.querySelector('.sync-status')?.textContent;
  const summary = () => document.querySelector('.shopping-list .summary')?.textContent ?? '';

  // When the app's WebSockets sent and got frames: where an add's time goes between devices
  // (kept beside the figures, not printed). One more listener per socket is all it costs.
  const frames: { at: number; sent: boolean }[] = [];
  const Native = WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', () => frames.push({ at: stamp(), sent: false }));
    }
    override send(data: Parameters<WebSocket['send']>[0]) {
      frames.push({ at: stamp(), sent: true });
      super.send(data);
    }
  };

  let enter = NaN;
  // When the browser made the Enter key's event: the keypress, before any of the app's work.
  addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter') enter = performance.timeOrigin + e.timeStamp;
    },
    true,
  );
  const arrivals = new Map<string, Promise<{ dom: number; painted: number }>>();

  const probe = {
    now: stamp,
    lastEnter: () => enter,
    /** When this page's WebSockets first sent (or got) a frame after `after`, or NaN. */
    firstFrame: (after: number, sent: boolean) =>
      frames.find((f) => f.at > after && f.sent === sent)?.at ?? NaN,
    /** Starts watching the shopping list for a row named `name`. */
    arm(name: string, ms: number) {
      const arrival = whenDom(() => shown(name), ms, `"${name}" was not shown on this device`).then(
        async () => {
          const dom = stamp();
          await within(painted(), ms, 'no frame was painted');
          return { dom, painted: stamp() };
        },
      );
      arrival.catch(() => undefined); // reported when asked for, by `arrived`
      arrivals.set(name, arrival);
    },
    /** When the row `arm` watched for reached the DOM, and the frame that painted it. */
    arrived(name: string) {
      const arrival = arrivals.get(name);
      arrivals.delete(name);
      if (!arrival) throw new Error(`nothing watched for "${name}"`);
      return arrival;
    },
    /**
     * Presses the Sync panel's Join and waits until the header says Synced and the list's
     * summary starts with `expected`, painted: how long, and the longest main-thread task (a
     * long-task observer) and the longest a 5 ms timer went unrun, meanwhile and in the second
     * after.
     */
    async join(expected: string, ms: number) {
      const button = [...document.querySelectorAll<HTMLButtonElement>('.sync button')].find(
        (b) => b.textContent === 'Join',
      );
      if (!button) throw new Error('the Sync panel offers no Join');
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      let last = performance.now();
      let gap = 0;
      const gaps = setInterval(() => {
        const t = performance.now();
        gap = Math.max(gap, t - last);
        last = t;
      }, 5);
      const gapSoFar = () => Math.max(gap, performance.now() - last);
      const t = performance.now();
      button.click();
      await whenDom(
        () => headerStatus() === 'Synced' && summary().startsWith(expected),
        ms,
        `the joining device did not show "Synced" and "${expected}…" (it shows "${headerStatus()}", "${summary()}")`,
      );
      await within(painted(), ms, 'no frame was painted');
      const took = performance.now() - t;
      const longestGap = gapSoFar();
      for (const entry of observer.takeRecords()) tasks.push(entry.duration);
      const during = { longestTask: Math.max(0, ...tasks), longTasks: tasks.length };
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (const entry of observer.takeRecords()) tasks.push(entry.duration);
      observer.disconnect();
      clearInterval(gaps);
      return {
        ms: took,
        ...during,
        longestGap,
        withSecondAfter: { longestTask: Math.max(0, ...tasks), longestGap: gapSoFar() },
      };
    },
  };
  (window as unknown as { probe: typeof probe }).probe = probe;
  return probe;
}

export type Probe = ReturnType<typeof installProbe>;
declare global {
  interface Window {
    probe: Probe;
  }
}
