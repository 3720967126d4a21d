import fc from 'fast-check';
import {
  CATEGORIES,
  DEFAULT_STREAM,
  parseNote,
  parseUnit,
  type Note,
  type StoredEvent,
  type Unit,
} from '../events';
import { applyCommitted, decide, type Command, type EventContext, type ListState } from '../model';
import { valid, validPrice } from './commands';

export { valid } from './commands';

/** A person's next step, chosen against the list as it then stands. */
export type Step = (list: ListState) => Command;

const names = ['Milk', 'milk ', 'Bread', 'Eggs', 'Café', 'Cafe\u0301', 'Tea'];
const units = ['', 'kg', 'g', '盒', 'pack'];
const notes = ['', 'lactose free', 'the big pack'];
const unit = (text: string) => (parseUnit(text) as { value: Unit | null }).value;
const note = (text: string) => (parseNote(text) as { value: Note | null }).value;

const pick = (list: ListState, index: number) => {
  const ids = [...list.products.keys()];
  return ids.length ? ids[index % ids.length]! : 'missing';
};

const pickList = (list: ListState, index: number) => {
  const ids = [...list.versions.keys()];
  return ids.length ? ids[index % ids.length]! : DEFAULT_STREAM;
};

export const add =
  (name: string, quantity = 1): Step =>
  () => ({ type: 'AddProduct', streamId: DEFAULT_STREAM, ...valid(name, quantity) });

export const check =
  (name: string): Step =>
  (list) => ({
    type: 'CheckProduct',
    productId: [...list.products.values()].find((p) => p.name === name)?.productId ?? 'missing',
  });

export const undo: Step = () => ({ type: 'Undo', streamId: DEFAULT_STREAM });
export const redo: Step = () => ({ type: 'Redo', streamId: DEFAULT_STREAM });

/** Any one thing a person can do to a list (undo and redo included). */
export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(fc.constantFrom(...names), fc.integer({ min: 1, max: 5 })).map(([n, q]) => add(n, q)),
  fc
    .tuple(fc.constantFrom(...names), fc.integer({ min: 1, max: 500 }), fc.constantFrom(...units))
    .map(([n, q, u]): Step => () => ({
      type: 'AddProduct',
      streamId: DEFAULT_STREAM,
      ...valid(n, q),
      unit: unit(u),
    })),
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([i, a, b]): Step => (list) => ({
    type: 'MoveProduct',
    productId: pick(list, i),
    after: a % 3 === 0 ? null : pick(list, a),
    before: b % 3 === 0 ? null : pick(list, b),
  })),
  fc.nat().map((i): Step => (list) => ({ type: 'CheckProduct', productId: pick(list, i) })),
  fc.nat().map((i): Step => (list) => ({ type: 'UncheckProduct', productId: pick(list, i) })),
  fc.nat().map((i): Step => (list) => ({ type: 'RemoveProduct', productId: pick(list, i) })),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(...names),
      fc.integer({ min: 1, max: 9 }),
      fc.option(fc.integer({ min: 0, max: 999 }), { nil: null }),
      fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
      fc.option(fc.constantFrom(...units), { nil: undefined }),
      fc.option(fc.constantFrom(...notes), { nil: undefined }),
    )
    .map(([i, name, q, cents, category, u, n]): Step => (list) => ({
      type: 'EditProduct',
      productId: pick(list, i),
      ...valid(name, q),
      price: validPrice(cents === null ? '' : String(cents / 100)),
      ...(category ? { category } : {}),
      ...(u === undefined ? {} : { unit: unit(u) }),
      ...(n === undefined ? {} : { note: note(n) }),
    })),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(...CATEGORIES),
      fc.constantFrom('up' as const, 'down' as const),
    )
    .map(([i, category, direction]): Step => (list) => ({
      type: 'MoveAisle',
      streamId: pickList(list, i),
      category,
      direction,
    })),
  fc
    .tuple(fc.nat(), fc.constantFrom(...CATEGORIES), fc.option(fc.constantFrom(...CATEGORIES)))
    .map(([i, category, after]): Step => (list) => ({
      type: 'PlaceAisle',
      streamId: pickList(list, i),
      category,
      after,
    })),
  fc.constant<Step>(() => ({ type: 'ClearCheckedProducts', streamId: DEFAULT_STREAM })),
  fc.constant(undo),
  fc.constant(redo),
  fc
    .constantFrom('Weekly shop', 'Party', 'Hardware')
    .map((name): Step => () => ({ type: 'CreateList', name: valid(name, 1).name })),
  fc.tuple(fc.nat(), fc.constantFrom('Groceries', 'Weekend')).map(([i, name]): Step => (list) => ({
    type: 'RenameList',
    streamId: pickList(list, i),
    name: valid(name, 1).name,
  })),
  fc.nat().map((i): Step => (list) => ({ type: 'DeleteList', streamId: pickList(list, i) })),
);

/**
 * Decides and commits each step against an in-memory list, as the bus does; steps that are
 * refused (nothing to undo, a product that is gone) change nothing, as for a person.
 */
export function playInMemory(
  list: ListState,
  ctx: EventContext,
  steps: readonly Step[],
): ListState {
  return steps.reduce((current, step) => {
    const decision = decide(step(current), current, ctx);
    if (!decision.ok) return current;
    const stored = decision.events.map(
      (e, i) => ({ ...e, seq: current.lastSeq + i + 1 }) as StoredEvent,
    );
    return applyCommitted(current, stored);
  }, list);
}
