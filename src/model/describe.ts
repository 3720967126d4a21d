import type { BasketEvent, ProductId, StreamId } from '../events';
import { says, type Sentence } from '../events/sentence';
import { handlerOf } from './events';
import type { ListInfo } from './lists';
import type { Product } from './product';
import type { UndoStacks } from './stacks';

/**
 * What one dispatch did, as a sentence to be said in the person's language, given the rows just
 * before it: for the status line, the history, and as the label of its undo entry. Its first
 * event's handler tells it (./events).
 */
export function describeBatch(
  events: readonly BasketEvent[],
  before: ReadonlyMap<ProductId, Product>,
  stacks?: UndoStacks,
  lists?: ReadonlyMap<StreamId, ListInfo>,
  aliases: ReadonlyMap<ProductId, ProductId> = new Map(),
): Sentence {
  const first = events[0];
  if (!first) return says('undidSomething');
  return handlerOf(first).describe(first, {
    batch: events,
    nameOf: (productId) => rowOf(productId, before, aliases)?.name ?? says('aProduct'),
    productOf: (productId) => rowOf(productId, before, aliases),
    listName: () => lists?.get(first.streamId)?.name ?? says('defaultListName'),
    stacks,
  });
}

function rowOf(
  id: ProductId,
  before: ReadonlyMap<ProductId, Product>,
  aliases: ReadonlyMap<ProductId, ProductId>,
): Product | undefined {
  const into = aliases.get(id);
  return before.get(id) ?? (into === undefined ? undefined : before.get(into));
}
