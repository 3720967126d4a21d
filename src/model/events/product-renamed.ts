import { nameKey } from '../../events';
import { says } from '../../events/sentence';
import { productNamed } from '../rows';
import { noPurchases, type Handler } from './handler';
import { update } from './product-rows';

export const productRenamed: Handler<'ProductRenamed'> = {
  evolve(rows, event) {
    const { productId, name } = event.payload;
    update(rows, event.streamId, productId, (p) => ({ ...p, name, key: nameKey(name) }));
  },
  invert(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    return p ? [{ type: 'ProductRenamed', payload: { productId: p.productId, name: p.name } }] : [];
  },
  describe: (event, { batch, nameOf }) =>
    says('renamed', {
      from: nameOf(event.payload.productId),
      to: event.payload.name,
      // An edit of name and quantity is one action, told as one.
      quantity: batch.find((e) => e.type === 'ProductQuantityChanged')?.payload.quantity ?? null,
    }),
  purchases: noPurchases,
};
