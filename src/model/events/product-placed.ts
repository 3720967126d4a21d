import { says } from '../../events/sentence';
import { productNamed } from '../rows';
import { noPurchases, type Handler } from './handler';
import { update } from './product-rows';

export const productPlaced: Handler<'ProductPlaced'> = {
  evolve(rows, event) {
    const { productId, rank } = event.payload;
    update(rows, event.streamId, productId, (p) => ({ ...p, rank }));
  },
  invert(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    return p ? [{ type: 'ProductPlaced', payload: { productId: p.productId, rank: p.rank } }] : [];
  },
  describe: (event, { nameOf }) => says('placed', { name: nameOf(event.payload.productId) }),
  purchases: noPurchases,
};
