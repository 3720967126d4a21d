export * from './types';
export * from './errors';
export { openDexieStore, type DexieStoreOptions } from './dexie-store';
export { openStore } from './open';
export * from './sync-log';
