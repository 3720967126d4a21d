import { useEffect, useState } from 'react';
import { first } from 'rxjs';
import { useBasket, useBasketState } from '../../bus';

/**
 * Whether the browser has promised not to evict Basket's storage. It is asked for after the
 * first real save — before that there is nothing to keep, and browsers weigh the request by
 * engagement. `null` while unknown, before anything was saved (no warning about losing an empty
 * list), or where the browser has no such promise to give.
 */
export function usePersistence(): boolean | null {
  const basket = useBasket();
  const saving = useBasketState((s) => s.storage === 'saved');
  const anything = useBasketState((s) => s.list.lastSeq > 0);
  const [persisted, setPersisted] = useState<boolean | null>(null);

  useEffect(() => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!saving || !storage?.persisted) return;
    let live = true;
    const show = (value: boolean) => {
      if (live) setPersisted(value);
    };
    const report = (error: unknown) =>
      console.warn('Could not ask about persistent storage', error);
    storage.persisted().then(show, report);
    const subscription = basket.committed$.pipe(first()).subscribe(() => {
      storage.persist?.().then(show, report);
    });
    return () => {
      live = false;
      subscription.unsubscribe();
    };
  }, [basket, saving]);

  return anything ? persisted : null;
}
