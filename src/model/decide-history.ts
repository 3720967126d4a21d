import type { Draft } from '../events';
import { says } from '../events/sentence';
import type { Command } from './commands';
import type { Intent } from './intent';
import { restoredDraft, type Product } from './product';
import type { ListState } from './read-model';

type HistoryCommand = Extract<Command, { type: 'Undo' | 'Redo' | 'RestoreList' }>;

/** Commands that go back through the history: undo, redo, and restoring an earlier list. */
export function decideHistory(command: HistoryCommand, list: ListState): Intent {
  const { streamId } = command;
  if (command.type === 'RestoreList') return { streamId, drafts: draftRestore(command, list) };
  // Undo and redo replay the reversing drafts worked out when the action was folded.
  const stacks = list.stacks.get(streamId);
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
  return { streamId, drafts: [marker, ...entry.drafts] };
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

const sameRow = (a: Product, b: Product) =>
  a.streamId === b.streamId &&
  a.price === b.price &&
  a.name === b.name &&
  a.quantity === b.quantity &&
  a.checked === b.checked &&
  a.addedAt === b.addedAt &&
  a.checkedAt === b.checkedAt;
