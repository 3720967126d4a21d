import type { BasketEvent } from '../events';
import { says, type Sentence } from '../events/sentence';
import type { ListInfo } from './lists';
import type { Product } from './product';
import type { UndoStacks } from './undo';

/**
 * What one dispatch did, as a sentence to be said in the person's language, given the rows just
 * before it: for the status line, the history, and as the label of its undo entry.
 */
export function describeBatch(
  events: readonly BasketEvent[],
  before: ReadonlyMap<string, Product>,
  stacks?: UndoStacks,
  lists?: ReadonlyMap<string, ListInfo>,
): Sentence {
  const first = events[0];
  if (!first) return says('undidSomething');
  const nameOf = (productId: string): string | Sentence =>
    before.get(productId)?.name ?? says('aProduct');
  const quantityChange = events.find((e) => e.type === 'ProductQuantityChanged');
  const listName = (): string | Sentence =>
    lists?.get(first.streamId)?.name ?? says('defaultListName');
  switch (first.type) {
    case 'ProductAdded':
      return says('added', first.payload);
    case 'ProductRenamed':
      return says('renamed', {
        from: nameOf(first.payload.productId),
        to: first.payload.name,
        quantity: quantityChange?.payload.quantity ?? null,
      });
    case 'ProductQuantityChanged':
      return says('quantityNow', {
        name: nameOf(first.payload.productId),
        quantity: first.payload.quantity,
      });
    case 'ProductPriced': {
      const name = nameOf(first.payload.productId);
      const { price } = first.payload;
      return price === null ? says('priceOff', { name }) : says('priced', { name, price });
    }
    case 'ProductChecked':
      return says('checkedOff', { name: nameOf(first.payload.productId) });
    case 'ProductUnchecked':
      return says('backOnList', {
        name: nameOf(first.payload.productId),
        quantity: quantityChange?.payload.quantity ?? null,
      });
    case 'ProductRemoved':
      return says('deleted', { name: nameOf(first.payload.productId) });
    case 'ProductRestored':
      return events.length === 1
        ? says('restoredOne', { name: first.payload.name })
        : says('restoredMany', { count: events.length });
    case 'CheckedProductsCleared':
      return says('cleared', { count: first.payload.productIds.length });
    case 'ListRestored':
      return says('listRestored');
    case 'ListCreated':
      return says('listCreated', first.payload);
    case 'ListRenamed':
      return says('listRenamed', { from: listName(), to: first.payload.name });
    case 'ListDeleted':
      return says('listDeleted', { name: listName() });
    case 'CategoryChosen': {
      const { name, category } = first.payload;
      return category === null
        ? says('categoryForgotten', { name })
        : says('categoryChosen', { name, category });
    }
    case 'AislesOrdered':
      return says('aislesOrdered');
    case 'ActionUndone': {
      const entry = stacks?.undo.find((e) => e.id === first.payload.actionId);
      return entry ? says('undid', { label: entry.label }) : says('undidSomething');
    }
    case 'ActionRedone': {
      const entry = stacks?.redo.find((e) => e.id === first.payload.actionId);
      return entry ? says('redid', { label: entry.label }) : says('redidSomething');
    }
    default: {
      const _exhaustive: never = first;
      return _exhaustive;
    }
  }
}
