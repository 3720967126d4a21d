// The invite link, as the household CLI writes it: the app's address, then `#join=` and the
// base64url of `{ v: 1, server, household, name, seed, key }`. Everything after `#` stays in the
// browser: it never reaches a web server. src/sync/invite.ts reads and writes the same links in
// the browser (src/sync/nats/invite.test.ts proves the two agree).

export const INVITE_VERSION = 1;
const PREFIX = 'join=';

/** `<app>#join=<payload>`; any fragment the app address had is replaced. */
export function encodeInvite(app, { server, household, name, seed, key }) {
  const url = new URL(app);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`the app's address must be http:// or https://, not "${app}"`);
  }
  url.hash = '';
  const json = JSON.stringify({ v: INVITE_VERSION, server, household, name, seed, key });
  return `${url.href}#${PREFIX}${Buffer.from(json, 'utf8').toString('base64url')}`;
}

/** The invite in a link (or in the fragment alone); throws when there is none or it is damaged. */
export function decodeInvite(link) {
  const hash = link.includes('#') ? link.slice(link.indexOf('#') + 1) : link;
  if (!hash.startsWith(PREFIX)) throw new Error('no invite in this link');
  const payload = hash.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) throw new Error('the invite is damaged');
  const invite = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (invite?.v !== INVITE_VERSION) throw new Error('the invite is of another version');
  return invite;
}
