import { productIdsOf, type BasketEvent, type Draft } from '../events';
import { says } from '../events/sentence';
import type { Command } from './commands';
import type { Intent } from './intent';
import { restoredDraft, type Product } from './product';
import type { ListState } from './read-model';
import type { UndoEntry } from './stacks';

type HistoryCommand = Extract<Command, { type: 'Undo' | 'Redo' | 'RestoreList' }>;

/** Commands that go back through the history: undo, redo, and restoring an earlier list. */
export function decideHistory(command: HistoryCommand, list: ListState): Intent {
  const { streamId } = command;
  if (command.type === 'RestoreList') return { streamId, drafts: draftRestore(command, list) };
  // Undo and redo replay the reversing drafts worked out when the action was folded.
  const stacks = list.stacks.get(streamId);
  const stack = (command.type === 'Undo' ? stacks?.undo : stacks?.redo) ?? [];
  const nothing = command.type === 'Undo' ? says('nothingToUndo') : says('nothingToRedo');
  const moved = command.type === 'Undo' ? says('undoMoved') : says('redoMoved');
  // The person pressed Undo on one action, their own: that one is undone, even when another
  // device's action came after it, or nothing is (another tab's change may have taken it).
  const at =
    command.actionId === undefined
      ? stack.length - 1
      : stack.findLastIndex((e) => e.id === command.actionId);
  const entry = stack[at];
  if (!entry) return command.actionId === undefined ? nothing : moved;
  // Its drafts put things back as they were just before it: if anything since changed what it
  // changed, they would undo that too.
  const since = stack.slice(at + 1).find((later) => touchesSame(later, entry));
  if (since) {
    return since.by === undefined
      ? says('undoChangedSince', { label: entry.label })
      : says('undoChangedSinceBy', { label: entry.label, by: since.by });
  }
  const marker: Draft =
    command.type === 'Undo'
      ? { type: 'ActionUndone', payload: { actionId: entry.id } }
      : { type: 'ActionRedone', payload: { actionId: entry.id } };
  return { streamId, drafts: [marker, ...entry.drafts] };
}

/**
 * Whether two actions change the same things: a product both name, or, for actions that name no
 * product (a list renamed, aisles ordered), the list itself.
 */
function touchesSame(a: UndoEntry, b: UndoEntry): boolean {
  const ids = new Set(b.drafts.flatMap(productIdsOfDraft));
  const theirs = a.drafts.flatMap(productIdsOfDraft);
  if (ids.size === 0 || theirs.length === 0) return ids.size === 0 && theirs.length === 0;
  return theirs.some((id) => ids.has(id));
}

const productIdsOfDraft = (draft: Draft) => productIdsOf(draft as BasketEvent);

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

const sameRow = (a: Product, b: Product) =>
  a.streamId === b.streamId &&
  a.price === b.price &&
  a.unit === b.unit &&
  a.note === b.note &&
  a.rank === b.rank &&
  a.name === b.name &&
  a.quantity === b.quantity &&
  a.checked === b.checked &&
  a.addedAt === b.addedAt &&
  a.checkedAt === b.checkedAt;
