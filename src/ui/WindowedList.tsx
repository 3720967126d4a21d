import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { VirtualListProps } from './virtual-list-props';

/**
 * A list that scrolls with the page but keeps only the rows near the viewport in the DOM, so
 * 10,000 rows mount like 100. Rows may differ in height: each is measured once shown. Loaded
 * only when a list is long (see `VirtualList`).
 */
export default function WindowedList<T>({
  items,
  label,
  className,
  itemKey,
  estimateSize,
  children,
}: VirtualListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Where the list starts on the page moves when what is above it changes size.
  useLayoutEffect(() => {
    setScrollMargin(listRef.current?.offsetTop ?? 0);
  }, [items.length]);

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: (i) => estimateSize(items[i]!),
    overscan: 10,
    scrollMargin,
    getItemKey: (i) => itemKey(items[i]!, i),
  });

  return (
    <ul
      ref={listRef}
      role="list"
      aria-label={label}
      className={`virtual-list windowed ${className}`}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((row) => (
        <li
          key={row.key}
          data-index={row.index}
          ref={virtualizer.measureElement}
          aria-setsize={items.length}
          aria-posinset={row.index + 1}
          style={{ transform: `translateY(${row.start - scrollMargin}px)` }}
        >
          {children(items[row.index]!)}
        </li>
      ))}
    </ul>
  );
}
