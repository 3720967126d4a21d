import { says } from '../../events/sentence';
import { restoredDraft } from '../product';
import { productNamed } from '../rows';
import { noPurchases, type Handler } from './handler';
import { update } from './product-rows';

export const productUnchecked: Handler<'ProductUnchecked'> = {
  evolve(rows, event) {
    update(rows, event.streamId, event.payload.productId, (p) => ({
      ...p,
      checked: false,
      checkedAt: null,
    }));
  },
  invert(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    // Checking it again would stamp a new time; restoring the row keeps its place.
    return p?.checked ? [restoredDraft(p)] : [];
  },
  describe: (event, { batch, nameOf, productOf }) => {
    const { productId } = event.payload;
    const changed = batch.find((e) => e.type === 'ProductUnitChanged')?.payload.unit;
    return says('backOnList', {
      name: nameOf(productId),
      // Added again once bought: back on the list, with the quantity asked for then.
      quantity: batch.find((e) => e.type === 'ProductQuantityChanged')?.payload.quantity ?? null,
      unit: changed === undefined ? (productOf(productId)?.unit ?? null) : changed,
    });
  },
  purchases: noPurchases,
};
