import type { BasketEvent, StoredEvent, StreamId } from '../events';
import type { SetAsideRow } from './read';

/**
 * How the log is folded into the read model, handed to the store by whoever opens it: the store
 * keeps the log and a saved copy of the fold, and never knows what the fold means. `S` is the
 * read model.
 */
export interface Projection<S> {
  /** Bumped when the fold's output changes: a read model saved by another version is refolded. */
  readonly version: number;
  empty(): S;
  /** Folds what a read of the log after `lastSeq(state)` found: events, and rows set aside. */
  applyRead(state: S, events: readonly StoredEvent[], unreadable?: readonly SetAsideRow[]): S;
  /** Folds events in the order given, whatever their positions; `lastSeq` stays as it was. */
  foldOnto(state: S, events: readonly BasketEvent[]): S;
  /** Notes rows set aside, in whatever order they come; `lastSeq` stays as it was. */
  setAside(state: S, rows: readonly SetAsideRow[]): S;
  lastSeq(state: S): number;
  withLastSeq(state: S, lastSeq: number): S;
  /** The rows the fold set aside, so the store can ask at boot whether they read now. */
  unreadable(state: S): readonly { readonly seq: number; readonly reason: 'unknown' | 'invalid' }[];
  /** How much history the fold has taken in, as a backup holds it: the limits are on this. */
  size(state: S): { readonly events: number; readonly chars: number };
  /** Each list's head version, which the store checks appends against. */
  versions(state: S): ReadonlyMap<StreamId, number>;
  /** The read model as saved: its big tables (saved in parts) and the rest (one record). */
  toSaved(state: S): SavedModel;
  fromSaved(saved: SavedModel): S;
}

export interface SavedModel {
  readonly rest: unknown;
  readonly tables: Readonly<Record<string, readonly unknown[]>>;
}
