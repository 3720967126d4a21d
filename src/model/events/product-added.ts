import { nameKey } from '../../events';
import { says } from '../../events/sentence';
import { restoredDraft } from '../product';
import { elsewhere, productNamed, putRow } from '../rows';
import type { Handler } from './handler';
import { newRow } from './product-rows';

export const productAdded: Handler<'ProductAdded'> = {
  evolve(rows, event) {
    const { productId, name, quantity } = event.payload;
    if (elsewhere(rows, event.streamId, productId)) return;
    // A new product; or (in a crafted log only) an id added again, which starts it afresh.
    const id = productNamed(rows, event.streamId, productId)?.productId ?? productId;
    const fields = { productId: id, name, quantity, checked: false, addedAt: event.at };
    putRow(rows.products, newRow(event.streamId, { ...fields, checkedAt: null }));
  },
  invert(event, before) {
    const { productId } = event.payload;
    if (elsewhere(before, event.streamId, productId)) return [];
    const there = productNamed(before, event.streamId, productId);
    return [there ? restoredDraft(there) : { type: 'ProductRemoved', payload: { productId } }];
  },
  describe: (event) => says('added', event.payload),
  purchases(event, before) {
    const { name, productId } = event.payload;
    // Another list's product: the add changes nothing, so it adds nothing to the history.
    if (elsewhere(before, event.streamId, productId)) return [];
    return [{ key: nameKey(name), name, kind: 'added', at: event.at }];
  },
};
