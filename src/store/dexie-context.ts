import type { Table } from 'dexie';
import type { StoredEvent } from '../events';
import type { OpenDatabase } from './dexie-db';
import type { Projection } from './projection';
import type { LogRead, SetAsideRow } from './read';

/** What the parts of the Dexie store share: the open database, the fold, and the log's reads. */
export interface LogContext<S> extends OpenDatabase {
  readonly P: Projection<S>;
  /** The events and meta tables, for transactions over both. */
  readonly both: Table[];
  readonly readChunk: number;
  readonly writeChunk: number;
  /** Rows after log position `after`, read as this build reads them. */
  readRows(after: number): Promise<LogRead>;
  /** Rows an import moved out of the log because this build could not read them. */
  keptAside(): Promise<SetAsideRow[]>;
  /** Folds what a read of the log after the state's `lastSeq` found. */
  fold(state: S, read: LogRead): S;
  /** Notes the stream versions seen stored (see `dexie-append.ts`). */
  saw<T extends readonly StoredEvent[] | S>(seen: T): T;
}
