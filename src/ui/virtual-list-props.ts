import type { Key, ReactNode } from 'react';

/**
 * What a long list needs to draw its rows: the same for the whole list and for the windowed one,
 * which is loaded only when a list grows long.
 */
export interface VirtualListProps<T> {
  items: readonly T[];
  label: string;
  className: string;
  itemKey(item: T, index: number): Key;
  estimateSize(item: T): number;
  children(item: T): ReactNode;
}
