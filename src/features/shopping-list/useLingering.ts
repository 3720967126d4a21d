import { useCallback, useEffect, useState } from 'react';
import type { ProductId } from '../../events';

/** How long a product checked off here stays in its place before it moves to Bought (ms). */
export const LINGER_MS = 2000;
const NONE: ReadonlySet<ProductId> = new Set();

/**
 * The products just checked off on this screen: they stay where they were, marked, so a wrong
 * tap is seen and undone where it happened. All move together once the person has paused for
 * `LINGER_MS` (each check-off starts the wait again, so rows never shift under a thumb that is
 * still ticking things off). What the screen shows, not what happened: no event.
 */
export function useLingering() {
  const [lingering, setLingering] = useState(NONE);
  useEffect(() => {
    if (lingering.size === 0) return;
    const timer = setTimeout(() => setLingering(NONE), LINGER_MS);
    return () => clearTimeout(timer);
  }, [lingering]);
  const checkedHere = useCallback(
    (id: ProductId) => setLingering((now) => new Set(now).add(id)),
    [],
  );
  const uncheckedHere = useCallback(
    (id: ProductId) =>
      setLingering((now) => {
        if (!now.has(id)) return now;
        const rest = new Set(now);
        rest.delete(id);
        return rest;
      }),
    [],
  );
  return { lingering, checkedHere, uncheckedHere };
}
