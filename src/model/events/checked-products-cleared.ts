import { says } from '../../events/sentence';
import { restoredDraft } from '../product';
import { dropRow } from '../name-index';
import { productNamed } from '../rows';
import { noPurchases, type Handler } from './handler';

export const checkedProductsCleared: Handler<'CheckedProductsCleared'> = {
  evolve(rows, event) {
    for (const id of event.payload.productIds) {
      const p = productNamed(rows, event.streamId, id);
      if (p) dropRow(rows.products, p.productId);
    }
  },
  invert: (event, before) =>
    event.payload.productIds.flatMap((id) => {
      const p = productNamed(before, event.streamId, id);
      return p ? [restoredDraft(p)] : [];
    }),
  describe: (event) => says('cleared', { count: event.payload.productIds.length }),
  purchases: noPurchases,
};
