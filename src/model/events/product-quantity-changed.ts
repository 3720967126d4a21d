import { says } from '../../events/sentence';
import { productNamed } from '../rows';
import type { Handler } from './handler';
import { update } from './product-rows';

export const productQuantityChanged: Handler<'ProductQuantityChanged'> = {
  evolve(rows, event) {
    const { productId, quantity } = event.payload;
    update(rows, event.streamId, productId, (p) => ({ ...p, quantity }));
  },
  invert(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    if (!p) return [];
    const payload = { productId: p.productId, quantity: p.quantity, reason: 'reverted' } as const;
    return [{ type: 'ProductQuantityChanged', payload }];
  },
  describe: (event, { nameOf }) =>
    says('quantityNow', {
      name: nameOf(event.payload.productId),
      quantity: event.payload.quantity,
    }),
  purchases(event, before) {
    if (event.payload.reason !== 'added-again') return [];
    const p = productNamed(before, event.streamId, event.payload.productId);
    return p ? [{ key: p.key, name: p.name, kind: 'added', at: event.at }] : [];
  },
};
