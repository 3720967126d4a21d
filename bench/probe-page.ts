/**
 * What the benchmark measures inside Basket's page and the peer's alike (bench/versus.ts),
 * installed before either page's own script runs, so boot is timed from navigation. Self-contained:
 * Playwright sends this function's source to the page.
 */
export function installProbe() {
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
  const anyMomentOfAFrame = async () => {
    await painted();
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 16));
  };
  function whenDom(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (test()) {
          observer.disconnect();
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
        const name = `apple bench ${Math.random().toString(36).slice(2, 8)}`;
        setValue(field, name);
        await anyMomentOfAFrame();
        const t = now();
        field.form.requestSubmit();
        await whenDom(() => labelled(name));
        await painted();
        times.push(now() - t);
        await whenDom(() => field.value === '');
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
        await whenDom(() => rowOf(box.id)?.classList.contains('bought') ?? true);
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
