/**
 * What the benchmark measures inside Basket's page and the peer's alike (bench/versus.ts),
 * installed before either page's own script runs, so boot is timed from navigation. Self-contained:
 * Playwright sends this function's source to the page.
 */
export function installProbe() {
  const now = () => performance.now();
  /** After the next frame has been produced: the change is on screen. */
  const painted = () =>
    new Promise<void>((resolve, reject) => {
      // Only the tab in front draws frames.
      const timer = setTimeout(
        () => reject(new Error(`${location.pathname} drew no frame in 20 s: not in front?`)),
        20_000,
      );
      requestAnimationFrame(() => {
        clearTimeout(timer);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
    });
  const anyMomentOfAFrame = async () => {
    await painted();
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 16));
  };
  /** Once `test` holds; a page that never gets there fails the run, saying what it waited for. */
  function whenDom(test: () => boolean, what = 'the page to change'): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`${location.pathname} never showed ${what} (waited 20 s)`));
      }, 20_000);
      const observer = new MutationObserver(() => {
        if (test()) {
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        }
      });
      observer.observe(document, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['class'],
      });
    });
  }
  const setValue = (input: HTMLInputElement, value: string) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const labelled = (name: string) =>
    [...document.querySelectorAll('.product-name')].some((l) => l.textContent === name);
  /** A product still to buy that is on screen: its checkbox, and its id. */
  const unbought = (skip: ReadonlySet<string>) => {
    const boxes = document.querySelectorAll<HTMLInputElement>(
      '.product:not(.bought) input[type="checkbox"]',
    );
    const box = [...boxes].find((b) => !skip.has(b.id));
    if (!box) throw new Error('no product to buy is on screen');
    return box;
  };
  const rowOf = (id: string) => document.getElementById(id)?.closest('.product') ?? null;

  const firstRows = whenDom(() => document.querySelector('.product-name') !== null)
    .then(painted)
    .then(now);

  const probe = {
    /** From navigation to the first frame that showed a product row. */
    firstRows: () => firstRows,
    /** Types a name and presses Enter `count` times: each from Enter to the frame that shows it. */
    async adds(selector: string, count: number) {
      const field = document.querySelector<HTMLInputElement>(selector);
      if (!field?.form) throw new Error(`no product field at ${selector}`);
      const times: number[] = [];
      for (let i = 0; i < count; i += 1) {
        // Letters only: a name ending in digits ("apple bench 15209g") is read as a quantity
        // and a unit, and the row it adds is not named as typed.
        const name = `apple bench ${Math.random()
          .toString(36)
          .slice(2, 8)
          .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
        setValue(field, name);
        await anyMomentOfAFrame();
        const t = now();
        field.form.requestSubmit();
        await whenDom(() => labelled(name), `the row it added, ${name}`);
        await painted();
        times.push(now() - t);
        await whenDom(() => field.value === '', 'its product field cleared after an add');
      }
      return times;
    },
    /** Checks off a product on screen `count` times: each from the click to the frame that shows it. */
    async checks(count: number) {
      const times: number[] = [];
      const done = new Set<string>();
      for (let i = 0; i < count; i += 1) {
        const box = unbought(done);
        done.add(box.id);
        await anyMomentOfAFrame();
        const t = now();
        box.click();
        await whenDom(
          () => rowOf(box.id)?.classList.contains('bought') ?? true,
          'a checked row marked bought',
        );
        await painted();
        times.push(now() - t);
      }
      return times;
    },
    /** Basket only: renames (edit) or deletes a product on screen through the bus. */
    async changes(kind: 'edit' | 'delete', count: number) {
      const basket = window.benchBasket;
      if (!basket) throw new Error('not Basket’s page');
      const times: number[] = [];
      const done = new Set<string>();
      for (let i = 0; i < count; i += 1) {
        const box = unbought(done);
        done.add(box.id);
        const productId = box.id.replace(/^product-/, '');
        const product = basket.getState().list.products.get(productId);
        if (!product) throw new Error(`${productId} is on screen but not in the state`);
        await anyMomentOfAFrame();
        const t = now();
        if (kind === 'edit') {
          const name = `${product.name} edited`;
          void basket.dispatch({
            type: 'EditProduct',
            productId,
            name: name as never,
            quantity: product.quantity as never,
          });
          await whenDom(() => labelled(name));
        } else {
          void basket.dispatch({ type: 'RemoveProduct', productId });
          await whenDom(() => document.getElementById(box.id) === null);
        }
        await painted();
        times.push(now() - t);
      }
      return times;
    },
  };
  (window as unknown as { pageProbe: typeof probe }).pageProbe = probe;
}

export type Probe = {
  firstRows(): Promise<number>;
  adds(selector: string, count: number): Promise<number[]>;
  checks(count: number): Promise<number[]>;
  changes(kind: 'edit' | 'delete', count: number): Promise<number[]>;
};
