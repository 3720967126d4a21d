import { says } from '../../events/sentence';
import { restoredDraft } from '../product';
import { dropRow } from '../name-index';
import { productNamed } from '../rows';
import { noPurchases, type Handler } from './handler';

export const productRemoved: Handler<'ProductRemoved'> = {
  evolve(rows, event) {
    const p = productNamed(rows, event.streamId, event.payload.productId);
    if (p) dropRow(rows.products, p.productId);
  },
  invert(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    return p ? [restoredDraft(p)] : [];
  },
  describe: (event, { nameOf }) => says('deleted', { name: nameOf(event.payload.productId) }),
  purchases: noPurchases,
};
