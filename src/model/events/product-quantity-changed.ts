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
  describe: (event, { batch, nameOf, productOf }) => {
    const { productId, quantity } = event.payload;
    // A unit changed with it (an add in other units, an edit) is said with it: "is now 500 g".
    const changed = batch.find((e) => e.type === 'ProductUnitChanged')?.payload.unit;
    const unit = changed === undefined ? (productOf(productId)?.unit ?? null) : changed;
    return says('quantityNow', { name: nameOf(productId), quantity, unit });
  },
  purchases(event, before) {
    if (event.payload.reason !== 'added-again') return [];
    const p = productNamed(before, event.streamId, event.payload.productId);
    return p ? [{ key: p.key, name: p.name, kind: 'added', at: event.at }] : [];
  },
};
