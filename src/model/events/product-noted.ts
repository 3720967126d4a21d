import { says } from '../../events/sentence';
import { productNamed } from '../rows';
import { noPurchases, type Handler } from './handler';
import { update } from './product-rows';

export const productNoted: Handler<'ProductNoted'> = {
  evolve(rows, event) {
    const { productId, note } = event.payload;
    update(rows, event.streamId, productId, (p) => ({ ...p, note }));
  },
  invert(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    return p ? [{ type: 'ProductNoted', payload: { productId: p.productId, note: p.note } }] : [];
  },
  describe(event, { nameOf }) {
    const { productId, note } = event.payload;
    const name = nameOf(productId);
    return note === null ? says('noteOff', { name }) : says('noted', { name, note });
  },
  purchases: noPurchases,
};
