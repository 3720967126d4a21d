import type { BasketEvent } from '../events';
import { DEFAULT_LIST_NAME, type ListInfo } from './lists';
import type { Product } from './product';
import type { UndoStacks } from './undo';

const times = (q: number) => (q === 1 ? '' : ` × ${q}`);

/**
 * A short sentence telling what one dispatch did, given the rows just before it: for the status
 * line, and as the label of its undo entry.
 */
export function describeBatch(
  events: readonly BasketEvent[],
  before: ReadonlyMap<string, Product>,
  stacks?: UndoStacks,
  lists?: ReadonlyMap<string, ListInfo>,
): string {
  const first = events[0];
  if (!first) return '';
  const nameOf = (productId: string) => before.get(productId)?.name ?? 'a product';
  const quantityChange = events.find((e) => e.type === 'ProductQuantityChanged');
  switch (first.type) {
    case 'ProductAdded':
      return `Added ${first.payload.name}${times(first.payload.quantity)}.`;
    case 'ProductRenamed': {
      const now = quantityChange ? times(quantityChange.payload.quantity) : '';
      return `Renamed ${nameOf(first.payload.productId)} to ${first.payload.name}${now}.`;
    }
    case 'ProductQuantityChanged':
      return `${nameOf(first.payload.productId)} is now × ${first.payload.quantity}.`;
    case 'ProductPriced':
      return first.payload.price === null
        ? `Took the price off ${nameOf(first.payload.productId)}.`
        : `${nameOf(first.payload.productId)} costs ${first.payload.price.toFixed(2)} each.`;
    case 'ProductChecked':
      return `Checked off ${nameOf(first.payload.productId)}.`;
    case 'ProductUnchecked': {
      const q = quantityChange ? times(quantityChange.payload.quantity) : '';
      return `${nameOf(first.payload.productId)}${q} is back on the list.`;
    }
    case 'ProductRemoved':
      return `Deleted ${nameOf(first.payload.productId)}.`;
    case 'ProductRestored':
      return events.length === 1
        ? `Restored ${first.payload.name}.`
        : `Restored ${events.length} products.`;
    case 'CheckedProductsCleared': {
      const n = first.payload.productIds.length;
      return `Cleared ${n} bought product${n === 1 ? '' : 's'}.`;
    }
    case 'ListRestored':
      return 'Restored an earlier version of the list.';
    case 'ListCreated':
      return `Made a new list, ${first.payload.name}.`;
    case 'ListRenamed':
      return `Renamed the list ${lists?.get(first.streamId)?.name ?? DEFAULT_LIST_NAME} to ${first.payload.name}.`;
    case 'ListDeleted':
      return `Deleted the list ${lists?.get(first.streamId)?.name ?? DEFAULT_LIST_NAME}.`;
    case 'ActionUndone': {
      const entry = stacks?.undo.find((e) => e.id === first.payload.actionId);
      return entry ? `Undid: ${entry.label}` : 'Undid a change.';
    }
    case 'ActionRedone': {
      const entry = stacks?.redo.find((e) => e.id === first.payload.actionId);
      return entry ? `Redid: ${entry.label}` : 'Redid a change.';
    }
    default: {
      const _exhaustive: never = first;
      return _exhaustive;
    }
  }
}
