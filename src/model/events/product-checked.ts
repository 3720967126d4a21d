import { says } from '../../events/sentence';
import { restoredDraft } from '../product';
import { productNamed } from '../rows';
import type { Handler } from './handler';
import { update } from './product-rows';

export const productChecked: Handler<'ProductChecked'> = {
  evolve(rows, event) {
    const at = event.at;
    update(rows, event.streamId, event.payload.productId, (p) => ({
      ...p,
      checked: true,
      checkedAt: at,
    }));
  },
  invert(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    if (!p) return [];
    // Checked again: only the whole row puts back when it was first checked.
    return p.checked
      ? [restoredDraft(p)]
      : [{ type: 'ProductUnchecked', payload: { productId: p.productId } }];
  },
  describe: (event, { nameOf }) => says('checkedOff', { name: nameOf(event.payload.productId) }),
  purchases(event, before) {
    const p = productNamed(before, event.streamId, event.payload.productId);
    if (!p || p.checked) return [];
    const { key, name, quantity, unit } = p;
    const bought = { streamId: event.streamId, quantity, unit };
    return [{ key, name, kind: 'bought', at: event.at, ...bought }];
  },
};
