/**
 * Which of this browser's tabs holds the household's connection. Tabs share one store, so they
 * must share one connection too: each tab running its own would send the outbox twice (the
 * server dedupes that) and, worse, only the tab whose round stored another device's changes
 * would know to show them, while a rebase in one would leave the others folding renumbered
 * events a second time. So one tab leads, holding a Web Lock; it tells the others, over a
 * BroadcastChannel, what it stored (`grown`, `reset`) and what to show (`view`). When it closes,
 * the lock passes to a waiting tab. The tab the person brings into view takes the lead (a phone
 * freezes hidden tabs, and a frozen leader would hold the connection for nobody).
 *
 * Without Web Locks (an old browser, or jsdom) the one tab leads at once.
 */
export type TabMessage =
  | { readonly kind: 'grown' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'view'; readonly view: unknown }
  /** A tab asks the leader for its view. */
  | { readonly kind: 'hello' }
  /** A tab joined or left: the others follow, or stop waiting. */
  | { readonly kind: 'joined' }
  | { readonly kind: 'left' };

export interface TabLeadOptions {
  readonly name: string;
  /** This tab holds the lead now. */
  readonly onLead: () => void;
  /** This tab lost the lead (another took it): stop using the connection. */
  readonly onLose: () => void;
  readonly onMessage: (message: TabMessage) => void;
  readonly locks?: LockManager | undefined;
}

export interface TabLead {
  leading(): boolean;
  /** Waits for the lead, for as long as it takes: `onLead` is called once it is this tab's. */
  follow(): void;
  /** Takes the lead now, from whichever tab holds it; resolves once this tab holds it. */
  take(): Promise<void>;
  /** Lets go of the lead, or stops waiting for it. */
  drop(): void;
  post(message: TabMessage): void;
  stop(): void;
}

const defaultLocks = () =>
  typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | undefined);

export function createTabLead(options: TabLeadOptions): TabLead {
  const { name, onLead, onLose, onMessage } = options;
  const locks = 'locks' in options ? options.locks : defaultLocks();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
  const listen = (event: MessageEvent) => onMessage(event.data as TabMessage);
  channel?.addEventListener('message', listen);
  let release: (() => void) | null = null;
  let request: { abort: AbortController; held: Promise<void> } | null = null;

  function ask(steal: boolean): Promise<void> {
    if (release) return Promise.resolve();
    if (!locks) {
      release = () => (release = null);
      onLead();
      return Promise.resolve();
    }
    if (request && !steal) return request.held;
    request?.abort.abort();
    const abort = new AbortController();
    let got!: () => void;
    const held = new Promise<void>((resolve) => (got = resolve));
    request = { abort, held };
    const granted = () =>
      new Promise<void>((done) => {
        release = () => {
          release = null;
          done();
        };
        got();
        onLead();
      });
    const asked = steal
      ? locks.request(name, { steal: true }, granted)
      : locks.request(name, { signal: abort.signal }, granted);
    asked.then(
      () => {},
      (error: unknown) => {
        // Stolen by a tab brought into view, or a wait this tab gave up: neither is a failure.
        if (error instanceof DOMException && error.name === 'AbortError') {
          if (request?.abort === abort) request = null;
          if (release) {
            release = null;
            onLose();
          }
          return;
        }
        console.error('Basket could not wait for the household connection', error);
      },
    );
    return held;
  }

  return {
    leading: () => release !== null,
    follow: () => void ask(false),
    take: () => ask(true),
    drop() {
      request?.abort.abort();
      request = null;
      release?.();
    },
    post: (message) => channel?.postMessage(message),
    stop() {
      this.drop();
      channel?.removeEventListener('message', listen);
      channel?.close();
    },
  };
}
