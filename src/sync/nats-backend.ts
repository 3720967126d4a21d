import { nkeyAuthenticator, wsconnect } from '@nats-io/nats-core';
import type { Invite } from './invite';
import { createJetStreamBackend } from './jetstream';
import type { SyncBackend } from './port';

/**
 * The browser's way to its household: a WebSocket to the invite's server as the household's
 * browser user (its nkey seed), with replies on `_INBOX_<household>` (the only subject it may
 * subscribe to) and reconnecting for ever, then JetStream over it. Loaded only once a household
 * is joined. Closing the backend closes the connection too.
 */
export async function connectNats(invite: Invite): Promise<SyncBackend> {
  const connection = await wsconnect({
    servers: invite.server,
    authenticator: nkeyAuthenticator(new TextEncoder().encode(invite.seed)),
    inboxPrefix: `_INBOX_${invite.household}`,
    maxReconnectAttempts: -1,
  });
  const backend = createJetStreamBackend({
    connection,
    household: invite.household,
    key: invite.key,
  });
  return {
    ...backend,
    push: (action) => backend.push(action),
    pull: (after, limit) => backend.pull(after, limit),
    onNews: (listener) => backend.onNews(listener),
    onStatus: (listener) => backend.onStatus(listener),
    status: () => backend.status(),
    async close() {
      await backend.close();
      await connection.close();
    },
  };
}
