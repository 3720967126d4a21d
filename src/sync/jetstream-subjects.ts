import type { StreamId } from '../events';
import { fromBase64Url, toBase64Url } from './invite';

/** What a household id looks like: it names an account, a stream and a subject token. */
export const HOUSEHOLD = /^[a-z0-9]{8,64}$/;
/** A list id that is already a subject token with no `_` in it is used as it is. */
const PLAIN_TOKEN = /^[A-Za-z0-9-]+$/;
const LIST_PREFIX = 'list:';

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A list's subject token: the id after `list:` when it is letters, digits and `-` only (a UUID),
 * else `_` and the base64url of the whole id. A plain token has no `_`, so the two never meet.
 */
export function listToken(streamId: StreamId): string {
  const rest = streamId.startsWith(LIST_PREFIX) ? streamId.slice(LIST_PREFIX.length) : '';
  return PLAIN_TOKEN.test(rest) ? rest : `_${toBase64Url(utf8.encode(streamId))}`;
}

/** The list a subject token names, or undefined when it names none. */
export function streamIdOfToken(token: string): StreamId | undefined {
  if (PLAIN_TOKEN.test(token)) return `${LIST_PREFIX}${token}`;
  if (!token.startsWith('_')) return undefined;
  const bytes = fromBase64Url(token.slice(1));
  if (!bytes) return undefined;
  try {
    const id = strictUtf8.decode(bytes);
    return listToken(id) === token ? id : undefined;
  } catch {
    return undefined;
  }
}

export const streamOfHousehold = (household: string) => `HH_${household}`;
export const subjectOf = (household: string, streamId: StreamId) =>
  `basket.${household}.${listToken(streamId)}`;
