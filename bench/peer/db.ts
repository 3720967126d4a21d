import Dexie, { type EntityTable } from 'dexie';

/**
 * The benchmark's peer: the shopping list a developer would write instead of Basket, as Dexie's
 * React tutorial shows it (https://dexie.org/docs/Tutorial/React): one table of products, read
 * with `useLiveQuery`, written with `add` and `update`. No log, no undo, no sync.
 */
export interface PeerProduct {
  id: string;
  name: string;
  quantity: number;
  bought: 0 | 1;
  addedAt: number;
  boughtAt: number | null;
}

export type PeerDb = Dexie & { products: EntityTable<PeerProduct, 'id'> };

export function openPeerDb(name: string): PeerDb {
  const db = new Dexie(name) as PeerDb;
  db.version(1).stores({ products: 'id, addedAt, bought' });
  return db;
}
