import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { BasketState } from '../model';
import type { Basket } from './basket';

const BasketContext = createContext<Basket | null>(null);

export function BasketProvider({ basket, children }: { basket: Basket; children: ReactNode }) {
  return <BasketContext.Provider value={basket}>{children}</BasketContext.Provider>;
}

export function useBasket(): Basket {
  const basket = useContext(BasketContext);
  if (!basket) throw new Error('useBasket needs a <BasketProvider> above it.');
  return basket;
}

/** A slice of the state; `select` must return something already in the state (no new objects). */
export function useBasketState<T>(select: (state: BasketState) => T): T {
  const basket = useBasket();
  return useSyncExternalStore(basket.subscribe, () => select(basket.getState()));
}
