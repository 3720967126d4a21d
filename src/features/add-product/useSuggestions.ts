import { useMemo, useState, type KeyboardEvent } from 'react';
import { useBasketState } from '../../bus';
import { suggestionsFor, type Purchase } from '../../model';

/**
 * The combobox behaviour of the Product field: names from the history that fit what is typed,
 * moved through with the arrow keys; Escape puts them away until the text changes.
 */
export function useSuggestions(typed: string, take: (purchase: Purchase) => void) {
  const purchases = useBasketState((s) => s.list.purchases);
  const lastAt = useBasketState((s) => s.list.lastAt);
  const [active, setActive] = useState(-1);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const options = useMemo(
    () => suggestionsFor(purchases, typed, lastAt),
    [purchases, typed, lastAt],
  );
  const open = focused && options.length > 0 && dismissedFor !== typed;
  const current = open && active >= 0 ? options[active] : undefined;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      setDismissedFor(null);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) =>
        open ? (i + step + options.length) % options.length : step > 0 ? 0 : options.length - 1,
      );
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setDismissedFor(typed);
      setActive(-1);
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      take(current);
      setActive(-1);
    }
  }

  return {
    options,
    open,
    active: current ? active : -1,
    onKeyDown,
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
    /** Typing starts a fresh search: nothing highlighted, the list shown again. */
    reset: () => {
      setActive(-1);
      setDismissedFor(null);
    },
  };
}
