import * as v from 'valibot';
import {
  catalog,
  cleanName,
  deviceNameSchema,
  LOG_LIMITS,
  readEvent,
  TIME_MAX,
  TIME_MIN,
  type BasketEvent,
  type Draft,
  type StreamId,
} from '../events';
import { idSchema } from '../events/fields';
import { says, type Sentence } from '../events/sentence';
import type { Command } from './commands';
import { decideHistory } from './decide-history';
import { decideList } from './decide-list';
import { decideProduct } from './decide-product';
import { isRefusal, type Intent } from './intent';
import { charsOf, type ListState } from './read-model';

/** Where ids and times come from: injected, so decisions replay the same in tests. */
export interface EventContext {
  now(): number;
  newId(): string;
  /**
   * This device, to stamp on each dispatch: its id (Undo takes back only its own actions) and,
   * once it has joined a household, its name (the history says who did what).
   */
  device?(): { readonly id: string; readonly name?: string } | undefined;
}

/** The device fields of a dispatch's first event: a name is kept only if it reads back. */
function stampOf(ctx: EventContext): { device?: string; by?: string } {
  const device = ctx.device?.();
  if (!device || !v.is(idSchema, device.id)) return {};
  const name = device.name === undefined ? '' : cleanName(device.name);
  return v.is(deviceNameSchema, name) ? { device: device.id, by: name } : { device: device.id };
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

/** Turns a command into the events that record it, or a reason it cannot be done now. */
export function decide(command: Command, list: ListState, ctx: EventContext): Decision {
  const intent = intentOf(command, list, ctx);
  return isRefusal(intent) ? refuse(intent) : drafted(intent.streamId, list, ctx, intent.drafts);
}

function intentOf(command: Command, list: ListState, ctx: EventContext): Intent {
  switch (command.type) {
    case 'CreateList':
      // A new list is a new stream: its id is made here, with the event that starts it.
      return {
        streamId: `list:${ctx.newId()}`,
        drafts: [{ type: 'ListCreated', payload: { name: command.name } }],
      };
    case 'RenameList':
    case 'DeleteList':
    case 'MoveAisle':
    case 'PlaceAisle':
      return decideList(command, list);
    case 'Undo':
    case 'Redo':
    case 'RestoreList':
      return decideHistory(command, list);
    default:
      return decideProduct(command, list);
  }
}

/** Wraps drafts in envelopes: ids, time and stream versions, all made here and nowhere later. */
function drafted(
  streamId: StreamId,
  list: ListState,
  ctx: EventContext,
  drafts: readonly Draft[],
): Decision {
  const expectedVersion = list.versions.get(streamId) ?? 0;
  const { at, adjusted } = timeFor(ctx.now(), list.lastAt);
  const events: BasketEvent[] = [];
  const stamp = stampOf(ctx);
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
      // Every event after the first names it, so the dispatch is undone as one; the first says
      // which device did it.
      ...(first ? { action: first.id } : stamp),
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
