import type { BasketEvent, Category, Draft } from '../events';
import { handlerOf } from './events';
import type { ListTable } from './lists';
import type { AliasTable, ProductTable } from './product';
import type { RowsBefore } from './rows';

/**
 * The drafts that undo one event, given the rows just before it: its handler's `invert`
 * (./events). Specific events where they say exactly what happened ("renamed back"); a
 * whole-row restore where only that is exact.
 */
export function invertEvent(event: BasketEvent, before: RowsBefore): Draft[] {
  return handlerOf(event).invert(event, before);
}

/** The same, from the tables one by one. */
export function invert(
  event: BasketEvent,
  table: ProductTable,
  lists: ListTable,
  categories: ReadonlyMap<string, Category>,
  aliases: AliasTable = new Map(),
): Draft[] {
  return invertEvent(event, { products: table, aliases, lists, categories });
}

const LIST_EVENTS = new Set<BasketEvent['type']>([
  'ListCreated',
  'ListRenamed',
  'ListDeleted',
  'AislesOrdered',
]);

/** What undoes a list event, given the list rows just before it; other events give nothing. */
export function invertList(event: BasketEvent, lists: ListTable): Draft[] {
  if (!LIST_EVENTS.has(event.type)) return [];
  return invertEvent(event, {
    products: new Map(),
    aliases: new Map(),
    lists,
    categories: new Map(),
  });
}

/** What undoes a category choice, given the choices just before it. */
export function invertCategory(
  event: Extract<BasketEvent, { type: 'CategoryChosen' }>,
  categories: ReadonlyMap<string, Category>,
): Draft[] {
  return invertEvent(event, {
    products: new Map(),
    aliases: new Map(),
    lists: new Map(),
    categories,
  });
}
