import * as v from 'valibot';
import { catalog } from './catalog';
import { deviceNameSchema, idSchema, positionSchema, streamIdSchema, timeSchema } from './fields';
import type { BasketEvent, EventType } from './types';

export type ReadResult =
  { ok: true; event: BasketEvent } | { ok: false; reason: 'unknown' | 'invalid'; message: string };

const knownTypes = new Set<string>(Object.keys(catalog));
const isKnownType = (type: unknown): type is EventType =>
  typeof type === 'string' && knownTypes.has(type);

const envelopeSchema = v.object({
  id: idSchema,
  type: v.string('a type must be text'),
  v: v.pipe(v.number('a version must be a number'), v.integer(), v.minValue(1)),
  at: timeSchema,
  streamId: streamIdSchema,
  streamVersion: positionSchema,
  action: v.optional(idSchema),
  device: v.optional(idSchema),
  by: v.optional(deviceNameSchema),
  payload: v.looseObject({}, 'a payload must be an object'),
});

/**
 * Reads a stored or imported event as this build understands it: the envelope checked, the
 * payload brought up to the current version by the catalog's upcasters, then checked against the
 * current schema. An event written by a newer build is `unknown` — kept, never dropped, never
 * guessed at.
 */
export function readEvent(raw: unknown): ReadResult {
  const envelope = v.safeParse(envelopeSchema, raw);
  if (!envelope.success) return invalid(envelope.issues);
  const { type, v: version } = envelope.output;
  if (!isKnownType(type)) {
    return {
      ok: false,
      reason: 'unknown',
      message: `an event type this Basket does not know (${type})`,
    };
  }
  const definition = catalog[type];
  if (version > definition.v) {
    return {
      ok: false,
      reason: 'unknown',
      message: `${type} version ${version}, newer than this Basket reads (${definition.v})`,
    };
  }
  let payload: object = envelope.output.payload;
  const upcasters: Record<number, (p: object) => object> =
    'upcasters' in definition ? definition.upcasters : {};
  for (let from = version; from < definition.v; from += 1) {
    const upcaster = upcasters[from];
    if (!upcaster)
      return { ok: false, reason: 'unknown', message: `${type} version ${from} has no upcaster` };
    payload = upcaster(payload);
  }
  const checked = v.safeParse(definition.payload, payload);
  if (!checked.success) return invalid(checked.issues, 'payload');
  const { id, at, streamId, streamVersion, action, device, by } = envelope.output;
  const event = {
    id,
    type,
    v: definition.v,
    at,
    streamId,
    streamVersion,
    ...(action === undefined ? {} : { action }),
    ...(device === undefined ? {} : { device }),
    ...(by === undefined ? {} : { by }),
    payload: checked.output,
  };
  return { ok: true, event: event as BasketEvent };
}

function invalid(
  issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
  prefix?: string,
): ReadResult {
  const issue = issues[0];
  const path = [prefix, ...(issue.path ?? []).map((p) => String(p.key))].filter(Boolean).join('.');
  return {
    ok: false,
    reason: 'invalid',
    message: path ? `${path}: ${issue.message}` : issue.message,
  };
}
