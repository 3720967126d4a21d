import { useCallback, useEffect, useState } from 'react';
import type { ProductId } from '../../events';
import { useBasketState } from '../../bus';
import type { BasketState } from '../../model';

/** How long a product checked off here stays in its place before it moves to Bought (ms). */
export const LINGER_MS = 2000;
const NONE: ReadonlySet<ProductId> = new Set();
/** The kinds of action (their history's words) that leave the others checked off in place. */
const TICKING = new Set(['checkedOff', 'backOnList']);

/** This tab's last action and the words its history has for it: "id:checkedOff". */
function lastActed(s: BasketState): string | null {
  const action = s.lastAction;
  if (!action) return null;
  const entry = s.list.stacks.get(action.streamId)?.undo.findLast((e) => e.id === action.actionId);
  // An undo or a redo is not on the undo stack under its own id: it counts as another change.
  return `${action.actionId}:${entry?.label.key ?? ''}`;
}

/**
 * The products just checked off on this screen: they stay where they were, marked, so a wrong
 * tap is seen and undone where it happened. All move together once the person has paused for
 * `LINGER_MS` (each check-off starts the wait again, so rows never shift under a thumb that is
 * still ticking things off), or at once when the person makes any other change here (clear,
 * edit, undo…). What the screen shows, not what happened: no event.
 */
export function useLingering() {
  const [lingering, setLingering] = useState(NONE);
  const acted = useBasketState(lastActed);
  const [seen, setSeen] = useState(acted);
  if (acted !== seen) {
    setSeen(acted);
    if (lingering.size > 0 && !TICKING.has(acted?.slice(acted.indexOf(':') + 1) ?? '')) {
      setLingering(NONE);
    }
  }
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
