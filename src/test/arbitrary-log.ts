import fc from 'fast-check';
import {
  CATEGORIES,
  DEFAULT_STREAM,
  parsePrice,
  parseProductInput,
  TIME_MAX,
  TIME_MIN,
  type Category,
  type StoredEvent,
} from '../events';
import {
  applyCommitted,
  decide,
  openLists,
  type Command,
  type Decision,
  type EventContext,
  type ListState,
  type Product,
} from '../model';

/**
 * Event logs made the way a person makes them: moves chosen against the list as it then stands,
 * decided by the real `decide` with a device clock that is wrong in every way a clock can be.
 * Moves and clocks are plain data, so a failing run prints a counterexample that can be pasted
 * into a regression test as it is.
 */

const YEAR = 365 * 24 * 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;
/** Where a sound clock usually is. */
const NOW = Date.UTC(2026, 10, 22, 9, 0);

/**
 * What a device's clock says at one step. `tick`, `back`, `jump` and `set` move the clock, and
 * it goes on from there; `glitch` is one wrong reading, after which it reads as before.
 */
export type ClockStep =
  /** A moment later, as clocks usually go. */
  | { readonly clock: 'tick'; readonly ms: number }
  /** Set back: a day, or years, before what it said last. */
  | { readonly clock: 'back'; readonly ms: number }
  /** Anywhere in 2000–2200 (that is, anything Basket may record). */
  | { readonly clock: 'jump'; readonly at: number }
  /** A dead battery: 1970 (0), or some other time before 2000, and ticking on from there. */
  | { readonly clock: 'set'; readonly at: number }
  /**
   * One reading that is not a time Basket records: before 2000 (1970, or negative), after 2200
   * (the year 2500), just outside either edge, in fractions of a millisecond, or beyond any date.
   * The edges themselves are here too.
   */
  | { readonly clock: 'glitch'; readonly at: number };

const before2000 = fc.oneof(fc.constant(0), fc.integer({ min: -100 * YEAR, max: TIME_MIN - 1 }));

export const clockStepArbitrary: fc.Arbitrary<ClockStep> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.integer({ min: 0, max: DAY }).map((ms) => ({ clock: 'tick' as const, ms })),
  },
  {
    weight: 3,
    arbitrary: fc
      .oneof(fc.integer({ min: 1, max: 2 * DAY }), fc.integer({ min: 1, max: 30 * YEAR }))
      .map((ms) => ({ clock: 'back' as const, ms })),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: TIME_MIN, max: TIME_MAX })
      .map((at) => ({ clock: 'jump' as const, at })),
  },
  { weight: 1, arbitrary: before2000.map((at) => ({ clock: 'set' as const, at })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        before2000,
        fc.constant(Date.UTC(2500, 0, 1)),
        fc.integer({ min: TIME_MAX + 1, max: Date.UTC(2500, 11, 31) }),
        fc.constantFrom(TIME_MIN - 1, TIME_MIN, TIME_MAX, TIME_MAX + 1, NOW + 0.5, 8.64e15),
      )
      .map((at) => ({ clock: 'glitch' as const, at })),
  },
);

/** What the clock reads at `step`, and what it goes on from after it, given where it was. */
export function clockAt(step: ClockStep, previous: number): { reads: number; next: number } {
  switch (step.clock) {
    case 'tick':
      return { reads: previous + step.ms, next: previous + step.ms };
    case 'back':
      return { reads: previous - step.ms, next: previous - step.ms };
    case 'jump':
    case 'set':
      return { reads: step.at, next: step.at };
    case 'glitch':
      return { reads: step.at, next: previous };
  }
}

/** A device: its own ids (so two devices never make the same one) and its own wrong clock. */
export interface Device {
  readonly name: string;
  /** Ids made so far. */
  ids: number;
  /** What the clock said last. */
  clock: number;
}

export const newDevice = (name: string, clock = NOW): Device => ({ name, ids: 0, clock });

/** The device's clock moved on by `step`, as an `EventContext` for one decision. */
export function contextFor(device: Device, step: ClockStep): EventContext {
  const { reads: now, next } = clockAt(step, device.clock);
  device.clock = next;
  return { now: () => now, newId: () => `${device.name}-${(device.ids += 1)}` };
}

/** Names a person types, with the variants that must be recognised as the same product. */
const NAMES = [
  'Milk',
  'milk ',
  'MILK',
  'Bread',
  'Eggs',
  'Café',
  'Cafe\u0301',
  ' CAFÉ ',
  'Tea',
  'Oat milk',
  'Frozen peas',
  '牛奶',
  '👨‍👩‍👧',
  'Ｍｉｌｋ',
  'x'.repeat(200),
] as const;
const LIST_NAMES = ['Weekly shop', 'Party', 'Hardware', 'Groceries', 'Weekend'] as const;
const QUANTITIES = [1, 1, 2, 3, 0.5, 2.25, 12, 9999] as const;

/**
 * What a person may type where a name goes: mostly one of `NAMES` (by index), so that the same
 * product comes up again; now and then anything at all (raw text, the way the form hands it on),
 * which the form refuses or cleans as it does.
 */
export type NameInput = number | string;

const TRICKY_NAMES = [
  '',
  '   ',
  '\u200b',
  'Mi\u200blk',
  '\u00a0Milk\u2003',
  '\u202eklim',
  '\ud800Milk',
  '\u200dMilk\u200d',
  '\u3164',
  'ﬁsh',
  'e\u0301'.repeat(200),
  'e\u0301'.repeat(201),
  'e' + '\u0301'.repeat(3999),
  'x'.repeat(201),
  '👨\u200d👩\u200d👧'.repeat(200),
  '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
  'Milk\ufe0f',
  '\ufe0f',
] as const;

const typedText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_NAMES),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const nameInput = (pool: number): fc.Arbitrary<NameInput> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.nat({ max: pool - 1 }) },
    { weight: 1, arbitrary: typedText },
  );

const nameIndex = nameInput(NAMES.length);
const quantity = fc.constantFrom(...QUANTITIES);

/** One thing a person does, naming lists and products by position (see `commandFor`). */
export type Move =
  | {
      readonly move: 'add';
      readonly list: number;
      readonly name: NameInput;
      readonly quantity: number;
    }
  | { readonly move: 'check' | 'uncheck' | 'remove'; readonly product: number }
  | {
      readonly move: 'edit';
      readonly product: number;
      /** A name as for `add`, or -1: keep its name. */
      readonly name: NameInput;
      /** 0: keep its quantity. */
      readonly quantity: number;
      readonly cents?: number | null;
      readonly category?: Category;
    }
  | { readonly move: 'clear' | 'undo' | 'redo' | 'deleteList'; readonly list: number }
  | { readonly move: 'createList'; readonly name: NameInput }
  | { readonly move: 'renameList'; readonly list: number; readonly name: NameInput }
  /** Look back at the list as it was `back` steps ago, and restore it. */
  | { readonly move: 'restore'; readonly list: number; readonly back: number }
  | {
      readonly move: 'moveAisle';
      readonly list: number;
      readonly category: Category;
      readonly direction: 'up' | 'down';
    };

export const moveArbitrary: fc.Arbitrary<Move> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      move: fc.constant('add' as const),
      list: fc.nat(),
      name: nameIndex,
      quantity,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ move: fc.constant('check' as const), product: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ move: fc.constant('uncheck' as const), product: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ move: fc.constant('remove' as const), product: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        move: fc.constant('edit' as const),
        product: fc.nat(),
        name: fc.oneof(fc.constant(-1), nameIndex),
        quantity: fc.oneof(fc.constant(0), quantity),
        cents: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
        category: fc.constantFrom(...CATEGORIES),
      },
      { requiredKeys: ['move', 'product', 'name', 'quantity'] },
    ),
  },
  { weight: 3, arbitrary: fc.record({ move: fc.constant('clear' as const), list: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ move: fc.constant('undo' as const), list: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ move: fc.constant('redo' as const), list: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      move: fc.constant('createList' as const),
      name: nameInput(LIST_NAMES.length),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      move: fc.constant('renameList' as const),
      list: fc.nat(),
      name: nameInput(LIST_NAMES.length),
    }),
  },
  { weight: 1, arbitrary: fc.record({ move: fc.constant('deleteList' as const), list: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ move: fc.constant('restore' as const), list: fc.nat(), back: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      move: fc.constant('moveAisle' as const),
      list: fc.nat(),
      category: fc.constantFrom(...CATEGORIES),
      direction: fc.constantFrom('up' as const, 'down' as const),
    }),
  },
);

/** A person's step: what they do, and what their clock says as they do it. */
export interface LogStep {
  readonly do: Move;
  readonly clock: ClockStep;
}

export const logStepArbitrary: fc.Arbitrary<LogStep> = fc.record({
  do: moveArbitrary,
  clock: clockStepArbitrary,
});

/** What the product form makes of a name and quantity: a command's fields, or nothing. */
const typed = (name: string, q: number) => {
  const parsed = parseProductInput(name, q);
  return parsed.ok ? parsed.value : null;
};

const nameOf = (input: NameInput, pool: readonly string[]) =>
  typeof input === 'string' ? input : pool[input % pool.length]!;

const price = (cents: number | null) => {
  const parsed = parsePrice(cents === null ? '' : String(cents / 100));
  if (!parsed.ok) throw new Error(`not a valid price: ${cents}`);
  return parsed.value;
};

/** The lists a person can open now, as the list picker shows them. */
const open = (list: ListState) => openLists(list.lists, list.versions, DEFAULT_STREAM);

const pickList = (list: ListState, i: number) => {
  const lists = open(list);
  return lists[i % lists.length]?.streamId ?? DEFAULT_STREAM;
};

/** Undo and redo are pressed on a list that has something to undo or redo, when one has. */
const pickStacked = (list: ListState, i: number, which: 'undo' | 'redo') => {
  const stacked = open(list).filter((l) => (list.stacks.get(l.streamId)?.[which].length ?? 0) > 0);
  return stacked.length ? stacked[i % stacked.length]!.streamId : pickList(list, i);
};

const pickProduct = (list: ListState, i: number): Product | undefined => {
  const products = [...list.products.values()];
  return products[i % products.length];
};

/**
 * The command a move stands for, against the list as it stands (and, for a look back, as it
 * stood after each earlier step, oldest first); null when the form would refuse what was typed.
 */
export function commandFor(
  move: Move,
  list: ListState,
  past: readonly ListState[] = [],
): Command | null {
  switch (move.move) {
    case 'add': {
      const input = typed(nameOf(move.name, NAMES), move.quantity);
      return input && { type: 'AddProduct', streamId: pickList(list, move.list), ...input };
    }
    case 'check':
    case 'uncheck':
    case 'remove': {
      const type = (
        { check: 'CheckProduct', uncheck: 'UncheckProduct', remove: 'RemoveProduct' } as const
      )[move.move];
      return { type, productId: pickProduct(list, move.product)?.productId ?? 'missing' };
    }
    case 'edit': {
      const product = pickProduct(list, move.product);
      const input = typed(
        move.name === -1 ? (product?.name ?? 'Milk') : nameOf(move.name, NAMES),
        move.quantity === 0 ? (product?.quantity ?? 1) : move.quantity,
      );
      return (
        input && {
          type: 'EditProduct',
          productId: product?.productId ?? 'missing',
          ...input,
          ...(move.cents === undefined ? {} : { price: price(move.cents) }),
          ...(move.category === undefined ? {} : { category: move.category }),
        }
      );
    }
    case 'clear':
      return { type: 'ClearCheckedProducts', streamId: pickList(list, move.list) };
    case 'undo':
      return { type: 'Undo', streamId: pickStacked(list, move.list, 'undo') };
    case 'redo':
      return { type: 'Redo', streamId: pickStacked(list, move.list, 'redo') };
    case 'createList': {
      const input = typed(nameOf(move.name, LIST_NAMES), 1);
      return input && { type: 'CreateList', name: input.name };
    }
    case 'renameList': {
      const input = typed(nameOf(move.name, LIST_NAMES), 1);
      return input && { type: 'RenameList', streamId: pickList(list, move.list), name: input.name };
    }
    case 'deleteList':
      return { type: 'DeleteList', streamId: pickList(list, move.list) };
    case 'restore': {
      // As the history's "Look back" and "Restore this list" do: the list on screen, as it was
      // just after an earlier moment, restored as of that moment's time.
      const then = past.length ? past[past.length - 1 - (move.back % past.length)]! : list;
      const streamId = pickList(list, move.list);
      const products = [...then.products.values()].filter((p) => p.streamId === streamId);
      return { type: 'RestoreList', streamId, asOf: Math.max(then.lastAt, TIME_MIN), products };
    }
    case 'moveAisle':
      return {
        type: 'MoveAisle',
        streamId: pickList(list, move.list),
        category: move.category,
        direction: move.direction,
      };
  }
}

/**
 * Decides one step on `device` against `list`, as the bus does when the step's turn comes; null
 * when the form refused what was typed, so nothing was dispatched.
 */
export function decideStep(
  step: LogStep,
  list: ListState,
  device: Device,
  past: readonly ListState[] = [],
): Decision | null {
  const command = commandFor(step.do, list, past);
  return command && decide(command, list, contextFor(device, step.clock));
}

/**
 * Decides and commits steps against an in-memory list, as `playInMemory` in steps.ts does,
 * telling `onDecision` of each decision and the list it was made against.
 */
export function playSteps(
  list: ListState,
  device: Device,
  steps: readonly LogStep[],
  onDecision: (decision: Decision, before: ListState) => void = () => {},
): ListState {
  const past: ListState[] = [];
  return steps.reduce((current, step) => {
    past.push(current);
    const decision = decideStep(step, current, device, past);
    if (!decision) return current;
    onDecision(decision, current);
    if (!decision.ok || decision.events.length === 0) return current;
    const stored = decision.events.map(
      (e, i) => ({ ...e, seq: current.lastSeq + i + 1 }) as StoredEvent,
    );
    return applyCommitted(current, stored);
  }, list);
}
