import type { JsMsg } from '@nats-io/jetstream';
import type { BasketEvent, StreamId } from '../events';
import { streamIdOfToken } from './jetstream-subjects';
import type { ConfirmedAction, SyncAction } from './port';
import { open, seal, SealBroken } from './seal';

/**
 * What `pull` hands over for a message that cannot be read: it failed to open (another key, a
 * moved subject, changed bytes, a newer seal version) or is not a dispatch. It travels as an
 * action with no events at its place in the order, which `invalid()` in engine.ts refuses and
 * the cursor moves past; `unreadable` says why, and is what the person is told.
 */
export interface UnreadableAction extends ConfirmedAction {
  readonly events: readonly [];
  readonly unreadable: string;
}

interface Dispatch {
  deviceId: string;
  streamId: StreamId;
  events: BasketEvent[];
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const isDispatch = (value: unknown): value is Dispatch => {
  const v = value as Partial<Dispatch> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.deviceId === 'string' &&
    typeof v.streamId === 'string' &&
    Array.isArray(v.events)
  );
};

/** A push's body: `{ deviceId, streamId, events }`, sealed for its subject and action id. */
export async function sealDispatch(
  keyReady: Promise<CryptoKey> | CryptoKey,
  subject: string,
  action: SyncAction,
) {
  const { deviceId, streamId, events } = action;
  const body = utf8.encode(JSON.stringify({ deviceId, streamId, events }));
  return seal(await keyReady, subject, action.actionId, body);
}

/** A pulled message opened: its dispatch at its place in the order, or an UnreadableAction. */
export async function openMessage(
  key: CryptoKey,
  prefix: string,
  m: JsMsg,
): Promise<ConfirmedAction> {
  const serverSeq = m.seq;
  const actionId = m.headers?.get('Nats-Msg-Id') ?? '';
  const listOfSubject = m.subject.startsWith(prefix)
    ? streamIdOfToken(m.subject.slice(prefix.length))
    : undefined;
  // Not to be applied: see UnreadableAction.
  const unreadable = (why: string): UnreadableAction => ({
    actionId,
    deviceId: '',
    streamId: listOfSubject ?? '',
    events: [],
    serverSeq,
    unreadable: why,
  });
  if (actionId === '') return unreadable('a message with no id');
  if (listOfSubject === undefined) return unreadable(`a message on no list (${m.subject})`);
  let body: Uint8Array;
  try {
    body = await open(key, m.subject, actionId, m.data);
  } catch (error) {
    if (error instanceof SealBroken) return unreadable(error.message);
    throw error;
  }
  let dispatch: unknown;
  try {
    dispatch = JSON.parse(strictUtf8.decode(body));
  } catch {
    return unreadable('a message whose body is not JSON');
  }
  if (!isDispatch(dispatch)) return unreadable('a message that is no dispatch');
  if (dispatch.streamId !== listOfSubject) {
    return unreadable('a dispatch for another list than its subject’s');
  }
  const { deviceId, streamId, events } = dispatch;
  return { actionId, deviceId, streamId, events, serverSeq };
}
