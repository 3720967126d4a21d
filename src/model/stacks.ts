import type { BasketEvent, Draft, StreamId } from '../events';
import type { Sentence } from '../events/sentence';
import type { PurchaseEffect } from './purchases';

/** One action that can be undone (or redone): the events that would reverse it. */
export interface UndoEntry {
  /** The id of the action these drafts reverse, named by the marker of the undo or redo. */
  readonly id: string;
  /** What the person did, to be said in their language: "Added Milk." */
  readonly label: Sentence;
  readonly drafts: readonly Draft[];
  /** What the action did to the purchase history: taken back by undo, done again by redo. */
  readonly effects: readonly PurchaseEffect[];
  /** The device that did it, and its name, when its first event says (see `Envelope`). */
  readonly device?: string;
  readonly by?: string;
}

/**
 * Whether `entry` is one of `device`'s own actions: Undo takes back only those. An action that
 * names no device was made before devices were told apart, on this device or restored here.
 */
export const ownEntry = (entry: UndoEntry, device: string | null) =>
  entry.device === undefined || entry.device === device;

/** The action Undo (or Redo) offers: `device`'s latest on the stack. */
export const ownTop = (stack: readonly UndoEntry[], device: string | null) =>
  stack.findLast((entry) => ownEntry(entry, device));

/** The device fields of an entry for `event`'s dispatch. */
const whoDid = ({ device, by }: BasketEvent) => ({
  ...(device === undefined ? {} : { device }),
  ...(by === undefined ? {} : { by }),
});

export interface UndoStacks {
  readonly undo: readonly UndoEntry[];
  readonly redo: readonly UndoEntry[];
}

export type StackTable = Map<StreamId, UndoStacks>;

/** How many actions back a list can be undone. */
export const MAX_UNDO = 100;
const NONE: readonly UndoEntry[] = Object.freeze([]);
export const NO_STACKS: UndoStacks = { undo: NONE, redo: NONE };

/** A batch's change to the purchase history: effects to apply (1) or take back (-1). */
export interface PurchaseChange {
  readonly effects: readonly PurchaseEffect[];
  readonly sign: 1 | -1;
}

/**
 * The stacks' arrays a table made itself. A table belongs to one fold (see `evolve`), and so do
 * the arrays it made: they can grow in place. Copying a stack of 100 entries for each of the
 * 100,000 actions a rebuild replays was the largest part of its garbage.
 */
const made = new WeakMap<StackTable, WeakSet<readonly UndoEntry[]>>();

function owned(stacks: StackTable, stack: UndoEntry[]): UndoEntry[] {
  const own = made.get(stacks);
  if (own) own.add(stack);
  else made.set(stacks, new WeakSet([stack]));
  return stack;
}

function pushed(stacks: StackTable, stack: readonly UndoEntry[], entry: UndoEntry): UndoEntry[] {
  if (made.get(stacks)?.has(stack)) {
    const grown = stack as UndoEntry[];
    grown.push(entry);
    if (grown.length > MAX_UNDO) grown.shift();
    return grown;
  }
  return owned(stacks, [...stack.slice(Math.max(0, stack.length + 1 - MAX_UNDO)), entry]);
}

const without = (stacks: StackTable, stack: readonly UndoEntry[], id: string) =>
  owned(
    stacks,
    stack.filter((e) => e.id !== id),
  );

/**
 * Records one dispatch on its list's undo and redo stacks, given what it did (`label`, the
 * purchase effects `done`) and what reverses it (`inverse`), and says what it does to the
 * purchase history. An undo moves its action to the redo stack and takes its effects back; a
 * redo moves it back; a new action can no longer be followed by a redo of what came before.
 */
export function recordDispatch(
  stacks: StackTable,
  batch: readonly BasketEvent[],
  label: Sentence,
  inverse: readonly Draft[],
  done: readonly PurchaseEffect[],
): PurchaseChange {
  const first = batch[0];
  if (!first) return { effects: [], sign: 1 };
  const current = stacks.get(first.streamId) ?? NO_STACKS;
  const marker = batch.find((e) => e.type === 'ActionUndone' || e.type === 'ActionRedone');
  if (marker?.type === 'ActionUndone') {
    const undone = current.undo.find((e) => e.id === marker.payload.actionId);
    const effects = undone?.effects ?? [];
    stacks.set(first.streamId, {
      undo: without(stacks, current.undo, marker.payload.actionId),
      redo: pushed(stacks, current.redo, {
        id: first.id,
        label: undone?.label ?? label,
        drafts: inverse,
        effects,
        ...whoDid(first),
      }),
    });
    return { effects, sign: -1 };
  }
  if (marker?.type === 'ActionRedone') {
    const redone = current.redo.find((e) => e.id === marker.payload.actionId);
    const effects = redone?.effects ?? [];
    stacks.set(first.streamId, {
      undo: pushed(stacks, current.undo, {
        id: first.id,
        label: redone?.label ?? label,
        drafts: inverse,
        effects,
        ...whoDid(first),
      }),
      redo: without(stacks, current.redo, marker.payload.actionId),
    });
    return { effects, sign: 1 };
  }
  // An action that changed nothing leaves nothing to undo, and what could be redone still can.
  if (inverse.length > 0) {
    const entry = { id: first.id, label, drafts: inverse, effects: done, ...whoDid(first) };
    stacks.set(first.streamId, { undo: pushed(stacks, current.undo, entry), redo: NONE });
  }
  return { effects: done, sign: 1 };
}
