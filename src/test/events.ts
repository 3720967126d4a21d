import { DEFAULT_STREAM, type BasketEvent } from '../events';

/** The n-th event of a list: product n added, at stream version n. */
export const added = (n: number, name = `Product ${n}`): BasketEvent => ({
  id: `event-${n}`,
  type: 'ProductAdded',
  v: 2,
  at: Date.UTC(2026, 0, 1) + 1000 * n,
  streamId: DEFAULT_STREAM,
  streamVersion: n,
  payload: { productId: `product-${n}`, name, quantity: 1, unit: null },
});
