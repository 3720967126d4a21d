// Basket's sync server configuration, in one place: where its data lives, which ports it uses,
// the nats-server configuration written from them, one NATS account per household with the least
// privilege a browser needs (SYNC.md §2, §7), and the households' secrets on disk.
//
// Used by `npm run sync-server`, `npm run household` and the test harness
// (src/sync/nats/harness.ts), so the server the tests start is the one a person runs.
//
// Each part has its file: nats-settings.mjs (settings and limits), nats-executable.mjs (finding
// nats-server), nats-accounts.mjs (accounts and permissions), nats-config-files.mjs (nats.conf
// and accounts.conf) and households-file.mjs (households.json). Import them from here.
export * from './nats-settings.mjs';
export * from './nats-executable.mjs';
export * from './nats-accounts.mjs';
export * from './nats-config-files.mjs';
export * from './households-file.mjs';
