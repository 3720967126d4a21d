import { actionOf, type BasketEvent, type Draft, type ProductId } from '../events';
import { SharedMap } from './shared-map';
import type { CategoryTable } from './aisles';
import { describeBatch } from './describe';
import { handlerOf } from './events';
import type { ListTable } from './lists';
import type { AliasTable, Product, ProductTable } from './product';
import { effectsOf } from './purchase-effects';
import { copyProducts } from './name-index';
import type { Rows } from './rows';
import { recordDispatch, type PurchaseChange, type StackTable } from './stacks';
import { invertEvent } from './undo';

/**
 * Bump when the fold changes what it produces: a store whose read model was built by another
 * version rebuilds it from the log on boot.
 * 8: an add of a name already on its list (two devices apart) joins that product's row.
 * 9: products have a unit, a note and a place in their aisle.
 * 10: the purchase history says on which list, how many and in what unit each thing was bought.
 */
export const REDUCER_VERSION = 10;

/**
 * The fold, from the smallest step up:
 * - `evolveRows(rows, event)`: one event onto every table of rows (products, aliases, lists,
 *   categories), through the event's handler in ./events;
 * - `evolveDispatch(rows, stacks, batch)`: one dispatch onto the rows and its list's undo stacks;
 * - `foldOnto`, `foldLog`, `applyCommitted` (read-model.ts): many dispatches onto a `ListState`.
 * `evolve` and `fold` are the product rows alone, for callers that want only those.
 *
 * Each writes into tables that belong to the caller's fold alone (a replay of 100,000 events
 * must not copy 10,000 rows per event); rows themselves are never mutated, only replaced, so a
 * row that did not change keeps its identity. Pure otherwise: no clock, no randomness, no I/O.
 */
export function evolveRows(rows: Rows, event: BasketEvent): void {
  handlerOf(event).evolve(rows, event);
}

/** One event onto the product rows (and the aliases, if the caller keeps them). */
export function evolve(
  table: ProductTable,
  event: BasketEvent,
  aliases: AliasTable = new Map(),
): void {
  evolveRows({ products: table, aliases, lists: new Map(), categories: new Map() }, event);
}

/** One event onto the list rows; product events leave them alone. */
export function evolveLists(lists: ListTable, event: BasketEvent): void {
  evolveRows({ products: new Map(), aliases: new Map(), lists, categories: new Map() }, event);
}

/** One event onto the category choices; only `CategoryChosen` changes them. */
export function evolveCategories(categories: CategoryTable, event: BasketEvent): void {
  evolveRows({ products: new Map(), aliases: new Map(), lists: new Map(), categories }, event);
}

/** The product rows of a log: a fresh table folded from `from` (copied, never changed). */
export function fold(events: Iterable<BasketEvent>, from?: ProductTable): ProductTable {
  const table = from ? copyProducts(from) : new SharedMap<ProductId, Product>();
  const aliases: AliasTable = new Map();
  for (const event of events) evolve(table, event, aliases);
  return table;
}

/**
 * Applies one dispatch's events to the rows and to its list's undo and redo stacks, and says
 * what it does to the purchase history. The inverse is worked out from the rows just before
 * each event, so undoing the top action always returns the list exactly to where it was.
 */
export function evolveDispatch(
  rows: Rows,
  stacks: StackTable,
  batch: readonly BasketEvent[],
): PurchaseChange {
  const first = batch[0];
  if (!first) return { effects: [], sign: 1 };
  const stacksNow = stacks.get(first.streamId);
  const label = describeBatch(batch, rows.products, stacksNow, rows.lists, rows.aliases);
  const done = effectsOf(batch, rows);
  // Each event's inverse, last first; gathered then reversed, since unshifting one by one grows
  // with the square of the products a long clear names.
  const parts: Draft[][] = [];
  for (const event of batch) {
    parts.push(invertEvent(event, rows));
    evolveRows(rows, event);
  }
  const inverse = parts.length === 1 ? parts[0]! : parts.reverse().flat();
  return recordDispatch(stacks, batch, label, inverse, done);
}

/** `evolveDispatch`, as it was called before the rows were one table of tables. */
export function evolveBatch(
  table: ProductTable,
  stacks: StackTable,
  batch: readonly BasketEvent[],
  lists: ListTable = new Map(),
  categories: CategoryTable = new Map(),
  aliases: AliasTable = new Map(),
): PurchaseChange {
  return evolveDispatch({ products: table, aliases, lists, categories }, stacks, batch);
}

/** Splits a run of events into the dispatches they came from. */
export function batches(events: readonly BasketEvent[]): BasketEvent[][] {
  const out: BasketEvent[][] = [];
  for (const event of events) {
    const last = out.at(-1);
    const head = last?.[0];
    if (head && head.streamId === event.streamId && actionOf(head) === actionOf(event))
      last.push(event);
    else out.push([event]);
  }
  return out;
}
