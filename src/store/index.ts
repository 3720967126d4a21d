export * from './types';
export * from './errors';
export { createMemoryStore } from './memory-store';
export { openDexieStore, type DexieStoreOptions } from './dexie-store';
export { openStore } from './open';
export * from './sync-log';
