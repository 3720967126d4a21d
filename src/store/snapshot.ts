import type { Table } from 'dexie';
import type { SavedModel } from './projection';

/**
 * The read model on disk: what it stands for (the fold, by projection `reducerVersion`, of the
 * log up to `lastSeq`), kept apart from the model itself so that asking "is there anything to
 * save?" reads one small record; and how many parts each of the model's big tables was saved in.
 */
export interface SnapshotHead {
  key: 'snapshot';
  reducerVersion: number;
  lastSeq: number;
  /** Parts per table, by the table's name. */
  parts: Record<string, number>;
}

type SnapshotRow =
  SnapshotHead | { key: 'model'; rest: unknown } | { key: `${string}/${number}`; rows: unknown[] };

export type MetaTable = Table<SnapshotRow, string>;

/**
 * Rows per saved part. IndexedDB copies a record on the calling thread when it is written: a part
 * at a time, with the page free while each is written, no copy holds the page for long.
 */
const PART = 1000;

const partKeys = (name: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${name}/${i}` as const);

function parts<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += PART) out.push(rows.slice(i, i + PART));
  return out;
}

/** How many parts `old` saved of a table; a head of build 0.1's format counted them by name. */
function partsOf(old: SnapshotHead | undefined, name: string): number {
  const legacy = old as (SnapshotHead & Record<string, number | undefined>) | undefined;
  return old?.parts?.[name] ?? legacy?.[`${name.replace(/s$/, '')}Parts`] ?? 0;
}

export const readHead = async (meta: MetaTable) =>
  (await meta.get('snapshot')) as SnapshotHead | undefined;

/** The saved model `head` describes, or undefined if any part of it is missing. */
export async function readModel(
  meta: MetaTable,
  head: SnapshotHead,
): Promise<SavedModel | undefined> {
  const names = Object.keys(head.parts ?? {});
  const keys = names.flatMap((name) => partKeys(name, head.parts[name]!));
  const [model, ...rows] = await meta.bulkGet(['model', ...keys]);
  if (!model || rows.some((row) => row === undefined)) return undefined;
  const tables: Record<string, unknown[]> = {};
  let at = 0;
  for (const name of names) {
    const count = head.parts[name]!;
    tables[name] = rows.slice(at, at + count).flatMap((p) => (p as { rows: unknown[] }).rows);
    at += count;
  }
  return { rest: (model as { rest: unknown }).rest, tables };
}

/**
 * Saves a read model, replacing whatever `old` described. Parts are written one after another,
 * each issued as the one before it is stored: the transaction stays open (a request is always
 * pending) and the page runs between them.
 */
export async function writeSnapshot(
  meta: MetaTable,
  saved: SavedModel,
  at: { reducerVersion: number; lastSeq: number },
  old: SnapshotHead | undefined,
): Promise<void> {
  const counts: Record<string, number> = {};
  const stale: string[] = [];
  for (const [name, rows] of Object.entries(saved.tables)) {
    const split = parts(rows);
    for (const [i, part] of split.entries()) await meta.put({ key: `${name}/${i}`, rows: part });
    counts[name] = split.length;
    stale.push(...partKeys(name, partsOf(old, name)).slice(split.length));
  }
  await Promise.all([
    meta.bulkPut([
      { key: 'model', rest: saved.rest },
      { key: 'snapshot', ...at, parts: counts },
    ]),
    stale.length ? meta.bulkDelete(stale) : undefined,
  ]);
}
