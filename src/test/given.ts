import { expect } from 'vitest';
import {
  catalog,
  DEFAULT_STREAM,
  type BasketEvent,
  type EventType,
  type PayloadOf,
  type StoredEvent,
  type StreamId,
} from '../events';
import { inEnglish } from '../i18n/english';
import {
  applyCommitted,
  decide,
  emptyList,
  foldLog,
  type Command,
  type Decision,
  type EventContext,
  type ListState,
} from '../model';
import { interleave, renumbered, type Order } from './merged';

export type { Order } from './merged';

/**
 * Given / When / Then for the model, after Emmett's DeciderSpecification: one way to tell a story
 * about deciding and folding.
 *
 *   given(add('Milk'), check('Milk')).when(add('milk', 2)).then([…the events recorded…])
 *   given(add('Rice', 9000)).when(add('Rice', 1000)).thenRefused('Rice is already × 9,000; …')
 *   given(event('ProductAdded', {…}), …).then((list) => expect(…))      (a projection)
 *   given(add('Bread')).apart([check('Bread')], [remove('Bread')]).then(…)  (two devices)
 *
 * What is given may be commands (decided and committed, as the bus does; a refusal fails the
 * test, unless the step is only `tried`), steps chosen against the list as it then stands, and
 * events, which are committed as they are, given an envelope where they lack one.
 */

/** A person's next step, chosen against the list as it then stands. */
export type Step = (list: ListState) => Command;
/** What a person asks for: a command, or a step. */
export type Ask = Command | Step;
/** Something that happened: an event, with as much of its envelope as the story cares about. */
export type Fact = {
  [T in EventType]: { type: T; payload: PayloadOf<T> } & Partial<Envelope>;
}[EventType];
type Envelope = Pick<BasketEvent, 'id' | 'at' | 'streamId' | 'action'>;
/** A step a person tries: if it is refused, nothing happens, as for a person. */
export interface Tried {
  readonly tried: Ask;
}
/** Time that passes between two things a person does. */
export interface Passing {
  readonly passes: number;
}
export type Given = Ask | Fact | Tried | Passing;

/** An event of `type`; its id, time, list and version are filled in when it is given. */
export const event = <T extends EventType>(
  type: T,
  payload: PayloadOf<T>,
  envelope: Partial<Envelope> = {},
): Fact => ({ type, payload, ...envelope }) as Fact;

export const tried = (ask: Ask): Tried => ({ tried: ask });

const DAY = 24 * 60 * 60 * 1000;
/** And then `days` days go by. */
export const daysPass = (days: number): Passing => ({ passes: days * DAY });

const START = Date.UTC(2026, 10, 22, 9, 0);

/** A clock that moves one second per reading (and as time passes), and ids that read well. */
interface Context extends EventContext {
  pass(ms: number): void;
}

function context(prefix: string, start = START, device?: { id: string; name: string }): Context {
  let now = start;
  let id = 0;
  return {
    now: () => (now += 1000),
    newId: () => `${prefix}-${(id += 1)}`,
    pass: (ms) => void (now += ms),
    ...(device ? { device: () => device } : {}),
  };
}

/** The two devices of `apart`: what their dispatches say of who made them. */
export const DEVICE_A = { id: 'a', name: "Anna's phone" };
export const DEVICE_B = { id: 'b', name: "Ben's phone" };

interface Played {
  readonly list: ListState;
  readonly log: readonly StoredEvent[];
}

const isFact = (item: Given): item is Fact => typeof item === 'object' && 'payload' in item;
const isTried = (item: Given): item is Tried => typeof item === 'object' && 'tried' in item;
const isPassing = (item: Given): item is Passing => typeof item === 'object' && 'passes' in item;
const commandOf = (ask: Ask, list: ListState): Command =>
  typeof ask === 'function' ? ask(list) : ask;

function committed(played: Played, events: readonly BasketEvent[]): Played {
  const stored = events.map((e, i) => ({ ...e, seq: played.list.lastSeq + i + 1 }) as StoredEvent);
  return { list: applyCommitted(played.list, stored), log: [...played.log, ...stored] };
}

function envelope(fact: Fact, list: ListState, ctx: EventContext): BasketEvent {
  const streamId = fact.streamId ?? DEFAULT_STREAM;
  return {
    id: fact.id ?? ctx.newId(),
    v: catalog[fact.type].v,
    at: fact.at ?? ctx.now(),
    streamId,
    streamVersion: (list.versions.get(streamId) ?? 0) + 1,
    ...fact,
  } as BasketEvent;
}

function play(start: Played, ctx: Context, items: readonly Given[]): Played {
  return items.reduce((played, item) => {
    if (isPassing(item)) {
      ctx.pass(item.passes);
      return played;
    }
    if (isFact(item)) return committed(played, [envelope(item, played.list, ctx)]);
    const ask = isTried(item) ? item.tried : item;
    const command = commandOf(ask, played.list);
    const decision = decide(command, played.list, ctx);
    if (decision.ok) return committed(played, decision.events);
    if (isTried(item)) return played;
    throw new Error(`given: ${command.type} was refused: ${inEnglish(decision.message)}`);
  }, start);
}

class Act {
  constructor(
    private readonly played: Played,
    /** What was decided. */
    readonly decision: Decision,
  ) {}

  /** The list once what was decided is committed. */
  get state(): ListState {
    if (!this.decision.ok) return this.played.list;
    return committed(this.played, this.decision.events).list;
  }

  /** Then these events are recorded (type and payload, in order); or the list is so. */
  then(
    expected:
      | readonly { type: string; payload?: unknown }[]
      | ((list: ListState, events: readonly BasketEvent[]) => void),
  ): void {
    const decision = this.decision;
    if (!decision.ok) throw new Error(`refused: ${inEnglish(decision.message)}`);
    if (typeof expected === 'function') expected(this.state, decision.events);
    else expect(decision.events.map(({ type, payload }) => ({ type, payload }))).toEqual(expected);
  }

  /** Then it is refused, with this message, and nothing is recorded. */
  thenRefused(message: string): void {
    const decision = this.decision;
    expect(decision.ok ? decision.events : inEnglish(decision.message)).toBe(message);
  }
}

export class Spec {
  constructor(
    private readonly played: Played,
    private readonly ctx: Context,
  ) {}

  /** The list as given. */
  get state(): ListState {
    return this.played.list;
  }

  /** The log as given, with positions. */
  get log(): readonly StoredEvent[] {
    return this.played.log;
  }

  /** And then these, on the list as it then stands. */
  and(...items: Given[]): Spec {
    return new Spec(play(this.played, this.ctx, items), this.ctx);
  }

  /**
   * And then two devices act apart, each from the list as given (A's ids are `a-…`, B's
   * `b-…`; they are `DEVICE_A` and `DEVICE_B`), and their logs are merged: A's dispatches first unless `order` says otherwise.
   */
  apart(onA: readonly Given[], onB: readonly Given[], order: Order = 'a first'): Spec {
    const now = this.played.list.lastAt || START;
    const a = play(this.played, context('a', now, DEVICE_A), onA).log.slice(this.played.log.length);
    const b = play(this.played, context('b', now, DEVICE_B), onB).log.slice(this.played.log.length);
    const log = renumbered([...this.played.log, ...interleave(a, b, order)]);
    return new Spec({ list: foldLog(log, log.at(-1)?.seq ?? 0), log }, this.ctx);
  }

  /** When a person asks for this. */
  when(ask: Ask): Act {
    const command = commandOf(ask, this.played.list);
    return new Act(this.played, decide(command, this.played.list, this.ctx));
  }

  /** Then the list is so: a projection. */
  then(check: (list: ListState, log: readonly StoredEvent[]) => void): void {
    check(this.played.list, this.played.log);
  }
}

/** Given these, in order, on a list with nothing in it. */
export const given = (...items: Given[]): Spec => {
  const ctx = context('id');
  return new Spec(play({ list: emptyList(), log: [] }, ctx, items), ctx);
};

/** What a list holds, as a person would read it out: "Milk × 2", "Bread × 1 ✓" (bought). */
export const rowsOf = (list: ListState, streamId: StreamId = DEFAULT_STREAM): string[] =>
  [...list.products.values()]
    .filter((p) => p.streamId === streamId)
    .map((p) => `${p.name} × ${p.quantity}${p.checked ? ' ✓' : ''}`);
