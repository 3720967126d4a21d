import type { BasketEvent } from '../events';
import type { ListState } from './state';

const quantity = (q: number) => (q === 1 ? '' : ` × ${q}`);

/** A short sentence telling what a committed dispatch did, for the status line. */
export function describe(events: readonly BasketEvent[], before: ListState): string {
  const first = events[0];
  if (!first) return '';
  const nameOf = (productId: string, fallback = 'Product') =>
    before.products.get(productId)?.name ?? fallback;
  switch (first.type) {
    case 'ProductAdded':
      return `Added ${first.payload.name}${quantity(first.payload.quantity)}.`;
    case 'ProductRenamed': {
      const change = events.find((e) => e.type === 'ProductQuantityChanged');
      const now = change ? quantity(change.payload.quantity) : '';
      return `Renamed ${nameOf(first.payload.productId)} to ${first.payload.name}${now}.`;
    }
    case 'ProductQuantityChanged':
      return `${nameOf(first.payload.productId)} is now × ${first.payload.quantity}.`;
    case 'ProductChecked':
      return `Bought ${nameOf(first.payload.productId)}.`;
    case 'ProductUnchecked': {
      const change = events.find((e) => e.type === 'ProductQuantityChanged');
      const q = change ? quantity(change.payload.quantity) : '';
      return `${nameOf(first.payload.productId)}${q} is back on the list.`;
    }
    case 'ProductRemoved':
      return `Deleted ${nameOf(first.payload.productId)}.`;
    case 'CheckedProductsCleared': {
      const n = first.payload.productIds.length;
      return `Cleared ${n} bought product${n === 1 ? '' : 's'}.`;
    }
    default: {
      const _exhaustive: never = first;
      return _exhaustive;
    }
  }
}
