import type { Invite } from '../sync/invite';

/**
 * A household's invite for tests on the in-memory server: well formed, pointing nowhere real
 * (the sessions under test are handed a memory connection, never this address).
 */
export const testInvite: Invite = {
  server: 'ws://127.0.0.1:4323',
  household: 'abcdefgh12',
  name: 'Smith family',
  seed: `SU${'A'.repeat(56)}`,
  key: `${'A'.repeat(42)}A`,
};
