import { lazy, Suspense, type ComponentType, type Key, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  label: string;
  className: string;
  itemKey(item: T, index: number): Key;
  estimateSize(item: T): number;
  children(item: T): ReactNode;
}

/** Lists up to this long are drawn whole; a longer one keeps only the rows near the viewport. */
export const WHOLE_UP_TO = 150;
/** What of a long list shows while the windowing code loads (once, for the first long list). */
const FIRST_ROWS = 40;

// Most shopping lists are short, so the windowing code (@tanstack/react-virtual, about 11 kB
// gzip) is not part of the first load: it loads when a list first grows long. Lazy loading
// loses the type parameter; the props are the same.
const WindowedList = lazy(() => import('./WindowedList')) as unknown as ComponentType<
  VirtualListProps<unknown>
>;

/**
 * A list of rows, each a listitem that knows its place in the whole (`aria-posinset` of
 * `aria-setsize`), however many of them are in the DOM: 10,000 rows mount like 100.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  if (props.items.length <= WHOLE_UP_TO) return <WholeList {...props} />;
  return (
    <Suspense
      fallback={
        <WholeList
          {...props}
          items={props.items.slice(0, FIRST_ROWS)}
          setSize={props.items.length}
        />
      }
    >
      <WindowedList {...props} />
    </Suspense>
  );
}

function WholeList<T>({
  items,
  label,
  className,
  itemKey,
  children,
  setSize = items.length,
}: VirtualListProps<T> & { setSize?: number }) {
  return (
    <ul aria-label={label} className={`virtual-list ${className}`}>
      {items.map((item, i) => (
        <li key={itemKey(item, i)} aria-setsize={setSize} aria-posinset={i + 1}>
          {children(item)}
        </li>
      ))}
    </ul>
  );
}
