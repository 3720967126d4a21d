import {
  catalog,
  DEFAULT_STREAM,
  LOG_LIMITS,
  MAX_IDS_PER_EVENT,
  QUANTITY_MAX,
  readEvent,
  TIME_MAX,
  TIME_MIN,
  type BasketEvent,
  type Draft,
  type StreamId,
} from '../events';
import { says, type Sentence } from '../events/sentence';
import type { Command } from './commands';
import type { Product } from './product';
import { categoryOf, guessCategory, moveAisle } from './aisles';
import { aislesOf, openLists } from './lists';
import { findByName, shoppingView } from './selectors';
import { restoredDraft } from './product';
import { charsOf, type ListState } from './read-model';

/** Where ids and times come from: injected, so decisions replay the same in tests. */
export interface EventContext {
  now(): number;
  newId(): string;
}

export type Decision =
  | {
      ok: true;
      streamId: StreamId;
      expectedVersion: number;
      events: BasketEvent[];
      /** The clock said a time Basket cannot record (1970, say): `at` is the last time known. */
      clockAdjusted?: boolean;
    }
  | { ok: false; message: Sentence };

const refuse = (message: Sentence): Decision => ({ ok: false, message });
const isRefusal = (drafts: Draft[] | Sentence): drafts is Sentence => !Array.isArray(drafts);

/** Turns a command into the events that record it, or a reason it cannot be done now. */
export function decide(command: Command, list: ListState, ctx: EventContext): Decision {
  if (command.type === 'CreateList') {
    // A new list is a new stream: its id is made here, with the event that starts it.
    const streamId = `list:${ctx.newId()}`;
    return drafted(streamId, list, ctx, [{ type: 'ListCreated', payload: { name: command.name } }]);
  }
  if (command.type === 'RenameList' || command.type === 'DeleteList') {
    return drafted(command.streamId, list, ctx, draftList(command, list));
  }
  if (command.type === 'Undo' || command.type === 'Redo') {
    return drafted(command.streamId, list, ctx, draftUndo(command, list));
  }
  if (command.type === 'MoveAisle') {
    return drafted(command.streamId, list, ctx, draftAisles(command, list));
  }
  if (command.type === 'RestoreList') {
    return drafted(command.streamId, list, ctx, draftRestore(command, list));
  }
  if (command.type === 'AddProduct' || command.type === 'ClearCheckedProducts') {
    if (!isOpen(list, command.streamId)) {
      // Deleted in another tab before this one heard of it: nothing lands where no one can see.
      return refuse(
        command.type === 'AddProduct'
          ? says('notAddedListGone', { name: command.name })
          : says('listGone'),
      );
    }
    return drafted(command.streamId, list, ctx, draftFor(command, list));
  }
  const product = list.products.get(command.productId);
  if (!product || !isOpen(list, product.streamId)) return refuse(says('productGone'));
  const drafts = draftForProduct(command, product, list);
  return isRefusal(drafts) ? refuse(drafts) : drafted(product.streamId, list, ctx, drafts);
}

/**
 * Turns the list as it is into the list as it was: products that were not there are removed,
 * and every product that was there and differs is put back exactly. One dispatch, so one undo.
 */
function draftRestore(
  command: Extract<Command, { type: 'RestoreList' }>,
  list: ListState,
): Draft[] {
  const then = new Map(command.products.map((p) => [p.productId, p]));
  const drafts: Draft[] = [];
  for (const now of list.products.values()) {
    if (now.streamId === command.streamId && !then.has(now.productId)) {
      drafts.push({ type: 'ProductRemoved', payload: { productId: now.productId } });
    }
  }
  for (const p of then.values()) {
    const now = list.products.get(p.productId);
    if (!now || !sameRow(now, p)) drafts.push(restoredDraft(p));
  }
  return drafts.length
    ? [{ type: 'ListRestored', payload: { asOf: command.asOf } }, ...drafts]
    : [];
}

const isOpen = (list: ListState, streamId: StreamId) =>
  openLists(list.lists, list.versions, DEFAULT_STREAM).some((l) => l.streamId === streamId);

const sameRow = (a: Product, b: Product) =>
  a.streamId === b.streamId &&
  a.price === b.price &&
  a.name === b.name &&
  a.quantity === b.quantity &&
  a.checked === b.checked &&
  a.addedAt === b.addedAt &&
  a.checkedAt === b.checkedAt;

function draftList(
  command: Extract<Command, { type: 'RenameList' | 'DeleteList' }>,
  list: ListState,
): Draft[] | Sentence {
  const open = openLists(list.lists, list.versions, DEFAULT_STREAM);
  const current = open.find((l) => l.streamId === command.streamId);
  if (!current) return says('listGone');
  if (command.type === 'RenameList') {
    return command.name === current.name
      ? []
      : [{ type: 'ListRenamed', payload: { name: command.name } }];
  }
  if (open.length === 1) return says('keepOneList');
  return [{ type: 'ListDeleted', payload: {} }];
}

function draftAisles(
  command: Extract<Command, { type: 'MoveAisle' }>,
  list: ListState,
): Draft[] | Sentence {
  const open = openLists(list.lists, list.versions, DEFAULT_STREAM);
  if (!open.some((l) => l.streamId === command.streamId)) return says('listGone');
  const now = aislesOf(list.lists, command.streamId);
  const shown = shoppingView(list, command.streamId, '').aisles.map((a) => a.category);
  const order = moveAisle(now, command.category, command.direction, shown);
  if (order.every((c, i) => c === now[i])) return [];
  return [{ type: 'AislesOrdered', payload: { order } }];
}

/** Undo and redo replay the reversing drafts worked out when the action was folded. */
function draftUndo(
  command: Extract<Command, { type: 'Undo' | 'Redo' }>,
  list: ListState,
): Draft[] | Sentence {
  const stacks = list.stacks.get(command.streamId);
  const entry = (command.type === 'Undo' ? stacks?.undo : stacks?.redo)?.at(-1);
  if (!entry) return command.type === 'Undo' ? says('nothingToUndo') : says('nothingToRedo');
  // The person pressed Undo on one action; if another tab's change came first, undoing
  // whatever is on top now would undo something they did not choose.
  if (command.actionId !== undefined && command.actionId !== entry.id) {
    return command.type === 'Undo' ? says('undoMoved') : says('redoMoved');
  }
  const marker: Draft =
    command.type === 'Undo'
      ? { type: 'ActionUndone', payload: { actionId: entry.id } }
      : { type: 'ActionRedone', payload: { actionId: entry.id } };
  return [marker, ...entry.drafts];
}

function draftFor(
  command: Extract<Command, { type: 'AddProduct' | 'ClearCheckedProducts' }>,
  list: ListState,
): Draft[] | Sentence {
  if (command.type === 'ClearCheckedProducts') {
    const productIds = [...list.products.values()]
      .filter((p) => p.streamId === command.streamId && p.checked)
      .map((p) => p.productId);
    // One event may name at most MAX_IDS_PER_EVENT products; a longer list is cleared by
    // several events in one dispatch, which is still one action with one undo.
    const drafts: Draft[] = [];
    for (let i = 0; i < productIds.length; i += MAX_IDS_PER_EVENT) {
      const part = productIds.slice(i, i + MAX_IDS_PER_EVENT);
      drafts.push({ type: 'CheckedProductsCleared', payload: { productIds: part } });
    }
    return drafts;
  }
  const { name, quantity } = command;
  const existing = findByName(list, command.streamId, name);
  if (!existing) {
    return [{ type: 'ProductAdded', payload: { productId: '', name, quantity } }];
  }
  const productId = existing.productId;
  if (existing.checked) {
    // Bought already and needed again: back onto the list with the quantity asked for now.
    const drafts: Draft[] = [{ type: 'ProductUnchecked', payload: { productId } }];
    if (existing.quantity !== quantity) {
      drafts.push({
        type: 'ProductQuantityChanged',
        payload: { productId, quantity, reason: 'added-again' },
      });
    }
    return drafts;
  }
  const raised = Math.round((existing.quantity + quantity) * 100) / 100;
  if (raised > QUANTITY_MAX) {
    return says('quantityWouldExceed', { name: existing.name, quantity: existing.quantity });
  }
  return [
    {
      type: 'ProductQuantityChanged',
      payload: { productId, quantity: raised, reason: 'added-again' },
    },
  ];
}

function draftForProduct(
  command: Exclude<
    Command,
    {
      type:
        | 'AddProduct'
        | 'ClearCheckedProducts'
        | 'Undo'
        | 'Redo'
        | 'RestoreList'
        | 'CreateList'
        | 'RenameList'
        | 'DeleteList'
        | 'MoveAisle';
    }
  >,
  product: Product,
  list: ListState,
): Draft[] | Sentence {
  const { productId } = product;
  switch (command.type) {
    case 'CheckProduct':
      return product.checked ? [] : [{ type: 'ProductChecked', payload: { productId } }];
    case 'UncheckProduct':
      return product.checked ? [{ type: 'ProductUnchecked', payload: { productId } }] : [];
    case 'RemoveProduct':
      return [{ type: 'ProductRemoved', payload: { productId } }];
    case 'EditProduct': {
      const drafts: Draft[] = [];
      if (command.name !== product.name) {
        const clash = findByName(list, product.streamId, command.name);
        if (clash && clash.productId !== productId) {
          return says('alreadyOnList', { name: clash.name });
        }
        drafts.push({ type: 'ProductRenamed', payload: { productId, name: command.name } });
      }
      if (command.price !== undefined && command.price !== product.price) {
        drafts.push({ type: 'ProductPriced', payload: { productId, price: command.price } });
      }
      if (command.category !== undefined) {
        // The choice is about the name, as it is after this edit, in every list.
        const name = command.name;
        const now = categoryOf(name, list.categories);
        if (command.category !== now) {
          // Choosing what the dictionary would guess anyway forgets the earlier choice.
          const category = command.category === guessCategory(name) ? null : command.category;
          drafts.push({ type: 'CategoryChosen', payload: { name, category } });
        }
      }
      if (command.quantity !== product.quantity) {
        drafts.push({
          type: 'ProductQuantityChanged',
          payload: { productId, quantity: command.quantity, reason: 'edited' },
        });
      }
      return drafts;
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** Wraps drafts in envelopes: ids, time and stream versions, all made here and nowhere later. */
function drafted(
  streamId: StreamId,
  list: ListState,
  ctx: EventContext,
  drafts: Draft[] | Sentence,
): Decision {
  if (isRefusal(drafts)) return refuse(drafts);
  const expectedVersion = list.versions.get(streamId) ?? 0;
  const { at, adjusted } = timeFor(ctx.now(), list.lastAt);
  const events: BasketEvent[] = [];
  drafts.forEach((draft, i) => {
    const payload =
      draft.type === 'ProductAdded' ? { ...draft.payload, productId: ctx.newId() } : draft.payload;
    const first = events[0];
    events.push({
      id: ctx.newId(),
      type: draft.type,
      v: catalog[draft.type].v,
      at,
      streamId,
      streamVersion: expectedVersion + i + 1,
      // Every event after the first names it, so the dispatch is undone as one.
      ...(first ? { action: first.id } : {}),
      payload,
    } as BasketEvent);
  });
  // What this build writes, this build must read: every event passes the reader's checks
  // before it is stored, so no change is shown as saved and then refused at the next boot.
  for (const event of events) {
    const read = readEvent(event);
    if (!read.ok) return refuse(says('cannotRecord', { detail: read.message }));
  }
  const size = events.reduce((n, e) => n + charsOf(e), 0);
  if (
    list.size.events + events.length > LOG_LIMITS.events ||
    list.size.chars + size > LOG_LIMITS.chars
  ) {
    return refuse(says('historyFull', { max: LOG_LIMITS.events }));
  }
  return {
    ok: true,
    streamId,
    expectedVersion,
    events,
    ...(adjusted ? { clockAdjusted: true } : {}),
  };
}

/**
 * The time a change is recorded at: the clock's, when it is one Basket can record. A clock that
 * says 1970 or 2300 is wrong; the change is then recorded at the last time Basket knows (never
 * earlier than the history before it), and the person is told. Order never rests on it.
 */
export function timeFor(now: number, lastAt: number): { at: number; adjusted: boolean } {
  if (Number.isInteger(now) && now >= TIME_MIN && now <= TIME_MAX)
    return { at: now, adjusted: false };
  const known = Math.min(Math.max(lastAt, TIME_MIN), TIME_MAX);
  return { at: known, adjusted: true };
}
