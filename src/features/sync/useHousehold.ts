import { useSyncExternalStore } from 'react';
import { useBasket, type HouseholdView } from '../../bus';

/** The household this device joined, its status and this device's name, as the bus has them. */
export function useHousehold(): HouseholdView {
  const { household } = useBasket();
  return useSyncExternalStore(household.subscribe, household.get, household.get);
}
