// Types for nats-config.mjs, for the TypeScript that shares it (src/sync/nats/harness.ts).

export interface SyncSettings {
  dir: string;
  host: string;
  port: number;
  wsPort: number;
  httpPort: number;
  publicUrl?: string | undefined;
}

export interface UserKey {
  publicKey: string;
  seed: string;
}

export interface StoredHousehold {
  id: string;
  name: string;
  app: string;
  server: string;
  createdAt: string;
  admin: UserKey;
  browser: UserKey;
  key: string;
}

export interface SyncState {
  version: 1;
  serverName: string;
  system: UserKey;
  households: StoredHousehold[];
}

export interface Permissions {
  publish: { allow: string[] };
  subscribe: { allow: string[] };
}

export interface ServerLimits {
  maxFileStore: number;
  maxMemoryStore: number;
}

export declare const MiB: number;
export declare const DEFAULTS: Readonly<{
  host: string;
  port: number;
  wsPort: number;
  httpPort: number;
  dir: string;
  app: string;
}>;
export declare const LIMITS: Readonly<{
  streamMaxBytes: number;
  accountMaxFile: number;
  accountMaxMem: number;
  maxConsumers: number;
  maxMsgSize: number;
  duplicateWindowNanos: number;
}>;
export declare const SERVER_LIMITS: Readonly<ServerLimits>;
export declare const INSTALL_HINT: string;
export declare const FILES: Readonly<{
  config: string;
  accounts: string;
  state: string;
  record: string;
  pid: string;
  log: string;
  lock: string;
}>;

export declare function settingsFromEnv(
  env?: Record<string, string | undefined>,
  cwd?: string,
): SyncSettings;
export declare function wsUrlOf(settings: SyncSettings): string;
export declare function natsUrlOf(settings: SyncSettings): string;
export declare function findNatsServer(
  env?: Record<string, string | undefined>,
): { path: string; problem?: undefined } | { path?: undefined; problem: string };

export declare function accountOf(id: string): string;
export declare function streamOf(id: string): string;
export declare function subjectsOf(id: string): string;
export declare function inboxPrefixOf(id: string): string;
export declare function browserPermissions(id: string): Permissions;
export declare const ADMIN_PERMISSIONS: Readonly<Permissions>;
export declare function streamConfig(id: string): Record<string, unknown> & { name: string };

export declare function serverConfig(
  settings: SyncSettings,
  state: SyncState,
  limits?: ServerLimits,
): string;
export declare function accountsConfig(state: SyncState): string;
export declare function writePrivate(path: string, text: string): void;
export declare function ensureDataDir(dir: string): void;
export declare function writeServerConfig(
  settings: SyncSettings,
  state: SyncState,
  limits?: ServerLimits,
): string;
export declare function writeAccounts(dir: string, state: SyncState): void;

export declare function newUserKey(): UserKey;
export declare function newHouseholdId(): string;
export declare function newEncryptionKey(): string;
export declare function newState(): SyncState;
export declare function readState(dir: string): SyncState;
export declare function writeState(dir: string, state: SyncState): void;
export declare function findHousehold(
  state: SyncState,
  nameOrId: string,
): StoredHousehold | undefined;
