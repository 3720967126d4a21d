import { says } from '../../events/sentence';
import { restoredDraft } from '../product';
import { putRow } from '../name-index';
import { elsewhere, productNamed } from '../rows';
import { noPurchases, type Handler } from './handler';
import { newRow } from './product-rows';

export const productRestored: Handler<'ProductRestored'> = {
  evolve(rows, event) {
    const { productId } = event.payload;
    if (elsewhere(rows, event.streamId, productId)) return;
    // Onto the row it names, if that is there (through an alias too); else back under its own id.
    const id = productNamed(rows, event.streamId, productId)?.productId ?? productId;
    putRow(rows.products, newRow(event.streamId, { ...event.payload, productId: id }));
  },
  invert(event, before) {
    const { productId } = event.payload;
    if (elsewhere(before, event.streamId, productId)) return [];
    const there = productNamed(before, event.streamId, productId);
    return [there ? restoredDraft(there) : { type: 'ProductRemoved', payload: { productId } }];
  },
  describe: (event, { batch }) =>
    batch.length === 1
      ? says('restoredOne', { name: event.payload.name })
      : says('restoredMany', { count: batch.length }),
  purchases: noPurchases,
};
