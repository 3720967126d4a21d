import { useEffect, useState, type ComponentType } from 'react';
import type { VirtualListProps } from './virtual-list-props';

/** Lists up to this long are drawn whole; a longer one keeps only the rows near the viewport. */
export const WHOLE_UP_TO = 150;
/** Past this many rows the windowing code is fetched, so it is there when the list is long. */
export const FETCH_FROM = 100;
/** The shortest a row is drawn (a tap target): how many fit on a screen at most. */
const SHORTEST_ROW = 44;
/**
 * What of a long list shows while the windowing code loads (a long list at boot): as many rows
 * as one screen could hold, and no more, since each costs style and layout before the first
 * paint (40 rows were 500 elements at 10,000 products; a 900 px screen holds 21).
 */
const firstRows = () =>
  Math.min(40, Math.max(12, Math.ceil((globalThis.innerHeight || 900) / SHORTEST_ROW) + 2));

// Most shopping lists are short, so the windowing code (@tanstack/react-virtual, about 10 kB
// gzip) is not part of the first load. Loading loses the type parameter; the props are the same.
type Windowed = ComponentType<VirtualListProps<unknown>>;
let windowed: Promise<Windowed> | null = null;
/** Once loaded, so a list mounted later (another list, the history) is windowed from the start. */
let loaded: Windowed | null = null;
const loadWindowed = () =>
  (windowed ??= import('./WindowedList').then((module) => (loaded = module.default as Windowed)));

/**
 * A list of rows, each a listitem that knows its place in the whole (`aria-posinset` of
 * `aria-setsize`), however many of them are in the DOM: 10,000 rows mount like 100.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const [Windowed, setWindowed] = useState<Windowed | 'failed' | null>(() => loaded);
  const growing = props.items.length > FETCH_FROM;
  useEffect(() => {
    // Fetched as a list grows, before it needs windowing: passing WHOLE_UP_TO then switches at
    // once, never through the shorter first-rows view (which would pull the page up under a
    // person scrolled down it).
    if (!growing || Windowed) return;
    let current = true;
    loadWindowed().then(
      (component) => current && setWindowed(() => component),
      (error: unknown) => {
        windowed = null;
        console.error('The long-list code could not load; drawing the list whole.', error);
        if (current) setWindowed('failed');
      },
    );
    return () => {
      current = false;
    };
  }, [growing, Windowed]);
  if (props.items.length <= WHOLE_UP_TO || Windowed === 'failed') return <WholeList {...props} />;
  if (Windowed) return <Windowed {...props} />;
  // A long list at boot, before the code is here: its first rows, each in its place in the whole.
  return (
    <WholeList {...props} items={props.items.slice(0, firstRows())} setSize={props.items.length} />
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
    <ul role="list" aria-label={label} className={`virtual-list ${className}`}>
      {items.map((item, i) => (
        <li key={itemKey(item, i)} aria-setsize={setSize} aria-posinset={i + 1}>
          {children(item)}
        </li>
      ))}
    </ul>
  );
}
