import { says } from '../../events/sentence';
import { productNamed } from '../rows';
import { noPurchases, type Handler } from './handler';
import { update } from './product-rows';

export const productUnitChanged: Handler<'ProductUnitChanged'> = {
  evolve(rows, event) {
    const { productId, unit } = event.payload;
    update(rows, event.streamId, productId, (p) => ({ ...p, unit }));
  },
  invert(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    return p
      ? [{ type: 'ProductUnitChanged', payload: { productId: p.productId, unit: p.unit } }]
      : [];
  },
  describe(event, { nameOf, productOf }) {
    const { productId, unit } = event.payload;
    const name = nameOf(productId);
    const quantity = productOf(productId)?.quantity ?? 1;
    return unit === null
      ? says('unitOff', { name, quantity })
      : says('quantityNow', { name, quantity, unit });
  },
  purchases: noPurchases,
};
