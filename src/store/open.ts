import { openDexieStore, type DexieStoreOptions } from './dexie-store';
import { StorageError } from './errors';
import type { EventStore, Projection } from './types';

/**
 * IndexedDB when this browser lets us have it; otherwise Basket still works, in memory, and the
 * caller shows that nothing is being saved (`store.kind === 'memory'`) and why.
 */
export async function openStore<S>(
  options: DexieStoreOptions & { projection: Projection<S> },
): Promise<{ store: EventStore<S>; problem?: unknown }> {
  try {
    return { store: await openDexieStore(options) };
  } catch (problem) {
    // Data is there but belongs to a newer Basket: working in memory would hide it.
    if (problem instanceof StorageError && problem.reason === 'outdated') throw problem;
    console.error('IndexedDB could not be opened; working in memory.', problem);
    // Rare (some private windows): the in-memory twin loads only then.
    const { createMemoryStore } = await import('./memory-store');
    return { store: createMemoryStore(options.projection), problem };
  }
}
