import { nameKey, type Envelope } from '../../events';
import { says } from '../../events/sentence';
import { restoredDraft, type Product } from '../product';
import { putRow, sameName } from '../name-index';
import { elsewhere, productNamed, type RowsBefore } from '../rows';
import type { Handler } from './handler';
import { newRow } from './product-rows';

type ProductAdded = Envelope<'ProductAdded'>;

/**
 * The row an add lands on, if it lands on one. On one device it never does: decide raises the
 * quantity of a name already on the list instead of adding it again. But two devices apart may
 * each add "Milk" to the same list, and a merge of their logs (a backup, or a sync server's
 * order) then holds two adds of one name: the second joins the row the first made.
 */
function joins(rows: RowsBefore, event: ProductAdded): Product | undefined {
  const { productId, name } = event.payload;
  if (productNamed(rows, event.streamId, productId)) return undefined;
  return sameName(rows.products, event.streamId, nameKey(name));
}

/**
 * Both meant that the household needs it: one need, one row, under the first product's id. The
 * larger quantity covers what each person asked for; adding the two would buy twice what either
 * wanted. If it was bought already, it is needed again, with the quantity asked for now, as when
 * a person adds a bought product again (decide's added-again).
 */
const joined = (p: Product, quantity: number, unit: string | null): Product =>
  p.checked
    ? { ...p, checked: false, checkedAt: null, quantity, unit: unit ?? p.unit }
    : p.unit === unit || unit === null
      ? { ...p, quantity: Math.max(p.quantity, quantity) }
      : // Counted in another unit: neither covers the other, so the later add says what is needed.
        { ...p, quantity, unit };

export const productAdded: Handler<'ProductAdded'> = {
  evolve(rows, event) {
    const { productId, name, quantity, unit } = event.payload;
    if (elsewhere(rows, event.streamId, productId)) return;
    const into = joins(rows, event);
    if (into) {
      // Every later event that names the second id acts on this one row.
      rows.aliases.set(productId, into.productId);
      putRow(rows.products, joined(into, quantity, unit));
      return;
    }
    // A new product; or (in a crafted log only) an id added again, which starts it afresh.
    const id = productNamed(rows, event.streamId, productId)?.productId ?? productId;
    const fields = { productId: id, name, quantity, unit, checked: false, addedAt: event.at };
    putRow(rows.products, newRow(event.streamId, { ...fields, checkedAt: null }));
  },
  invert(event, before) {
    const { productId } = event.payload;
    if (elsewhere(before, event.streamId, productId)) return [];
    // An add that joined a row is undone by putting that row back as it was. Removing its id
    // would remove the row it joined, which the other device added.
    const there = productNamed(before, event.streamId, productId) ?? joins(before, event);
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
