import { productIdsOf } from '../events';
import { says, type Sentence } from '../events/sentence';
import { productOf, type ListState } from '../model';
import type { PendingDispatch } from '../store';

/**
 * What a rebase could not keep, in words: a change this device made while apart to a product
 * that another device deleted meanwhile. The change stays in the log (nothing is dropped); it
 * just no longer changes anything, and the person is told so, once per product.
 */
export function notKept(
  before: ListState,
  after: ListState,
  pending: readonly PendingDispatch[],
): Sentence[] {
  const told = new Set<string>();
  const out: Sentence[] = [];
  for (const dispatch of pending) {
    for (const event of dispatch.events) {
      // Its own removal is not a change lost.
      if (event.type === 'ProductRemoved' || event.type === 'CheckedProductsCleared') continue;
      for (const id of productIdsOf(event)) {
        // Through an alias too: an add that joined another device's row was not lost.
        const was = productOf(before, id);
        if (!was || productOf(after, id) || told.has(id)) continue;
        told.add(id);
        out.push(says('notKept', { name: was.name }));
      }
    }
  }
  return out;
}
