import { says } from '../../events/sentence';
import { productNamed } from '../rows';
import { noPurchases, type Handler } from './handler';
import { update } from './product-rows';

export const productPriced: Handler<'ProductPriced'> = {
  evolve(rows, event) {
    const { productId, price } = event.payload;
    update(rows, event.streamId, productId, (p) => ({ ...p, price }));
  },
  invert(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    return p
      ? [{ type: 'ProductPriced', payload: { productId: p.productId, price: p.price } }]
      : [];
  },
  describe(event, { nameOf }) {
    const name = nameOf(event.payload.productId);
    const { price } = event.payload;
    return price === null ? says('priceOff', { name }) : says('priced', { name, price });
  },
  purchases: noPurchases,
};
