import * as v from 'valibot';

/**
 * The invite link to a household: Basket's address, then `#join=` and the base64url of
 * `{ v: 1, server, household, name, seed, key }`. Everything after `#` stays in the browser (it
 * is never sent to a web server), so the link itself is the secret: whoever holds it can read and
 * change the household's lists. `npm run household -- create` writes these links
 * (scripts/invite.mjs); src/sync/nats/invite.test.ts proves the two read each other's.
 *
 * Pure: no Node APIs, so the browser can use it as it is.
 */
export interface Invite {
  /** Where the household's sync server is reached: `ws://…` or `wss://…`. */
  readonly server: string;
  /** The household's id: its subjects are `basket.<id>.>`, its stream `HH_<id>`. */
  readonly household: string;
  /** The household's name, as its maker gave it. */
  readonly name: string;
  /** The NATS nkey seed (`SU…`) of the household's browser user. */
  readonly seed: string;
  /** The household's AES-GCM-256 key, base64url. */
  readonly key: string;
}

export const INVITE_VERSION = 1;
const PREFIX = 'join=';
const NAME_MAX = 100;

const InviteSchema = v.object({
  v: v.literal(INVITE_VERSION),
  server: v.pipe(v.string(), v.regex(/^wss?:\/\/[^\s#]+$/), v.maxLength(2048)),
  household: v.pipe(v.string(), v.regex(/^[a-z0-9]{8,64}$/)),
  name: v.pipe(
    v.string(),
    v.check((name) => name.trim() !== '' && [...name].length <= NAME_MAX),
  ),
  seed: v.pipe(v.string(), v.regex(/^SU[A-Z2-7]{56}$/)),
  // 32 bytes: 43 characters of base64url, the last carrying 4 bits of padding.
  key: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/)),
});

/** Why a text is no invite: none in it, damaged, or made by a newer Basket. */
export type InviteProblem = 'none' | 'damaged' | 'newer';
export type InviteReading = { ok: true; invite: Invite } | { ok: false; problem: InviteProblem };

/** `<app>#join=…`: the app's address, any fragment it had replaced by the invite. */
export function encodeInvite(app: string, invite: Invite): string {
  const url = new URL(app);
  url.hash = '';
  const { server, household, name, seed, key } = invite;
  const json = JSON.stringify({ v: INVITE_VERSION, server, household, name, seed, key });
  return `${url.href}#${PREFIX}${toBase64Url(new TextEncoder().encode(json))}`;
}

/** Reads an invite from a whole link, its fragment (`#join=…` or `join=…`), or a pasted text. */
export function decodeInvite(text: string): InviteReading {
  const trimmed = text.trim();
  const hash = trimmed.includes('#') ? trimmed.slice(trimmed.indexOf('#') + 1) : trimmed;
  if (!hash.startsWith(PREFIX)) return { ok: false, problem: 'none' };
  const bytes = fromBase64Url(hash.slice(PREFIX.length));
  if (!bytes) return { ok: false, problem: 'damaged' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  const parsed = v.safeParse(InviteSchema, json);
  if (parsed.success) {
    const { server, household, name, seed, key } = parsed.output;
    return { ok: true, invite: { server, household, name, seed, key } };
  }
  const version = (json as { v?: unknown } | null)?.v;
  if (typeof version === 'number' && version > INVITE_VERSION) {
    return { ok: false, problem: 'newer' };
  }
  return { ok: false, problem: 'damaged' };
}

/** base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url text, or undefined when it is not one. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
