import { listProjection, type EventContext } from '../model';
import { openStore, type DexieStoreOptions, type Progress } from '../store';
import type { ConnectHousehold } from '../sync/household';
import { createBasket, type Basket } from './basket';
import { broadcastCrossTab, type CrossTab } from './cross-tab';
import { rememberedList, rememberList } from './remembered-list';

export interface OpenBasketOptions {
  /** Where the data lives; tests pass a fake-indexeddb factory. */
  storage?: Omit<DexieStoreOptions, 'onInterrupt'>;
  /** Defaults to a BroadcastChannel when the list is saved in IndexedDB. */
  crossTab?: CrossTab | null;
  /** Before the list can show: an upgrade waits for other tabs, or the read model is rebuilt. */
  onBlocked?: () => void;
  onLoadProgress?: Progress;
  /** Where ids and times come from; tests pass a clock of their own. */
  ctx?: EventContext;
  /** How a household's server is reached; tests pass the in-memory one. */
  connectHousehold?: ConnectHousehold;
}

/**
 * Opens the store (IndexedDB, or memory when the browser refuses it) and the basket on top of
 * it, wired so that what happens to the database later — a newer Basket upgrading it, an upgrade
 * waiting for other tabs — is shown to the person.
 */
export async function openBasket(options: OpenBasketOptions = {}): Promise<Basket> {
  let basket: Basket | null = null;
  const { store } = await openStore({
    projection: listProjection,
    ...options.storage,
    onInterrupt(why) {
      if (why === 'blocked') {
        if (basket) basket.storageChanged('blocked');
        else options.onBlocked?.();
      } else if (basket) {
        basket.storageChanged(
          why === 'unblocked' ? 'saved' : why === 'cleared' ? 'cleared' : 'outdated',
        );
      }
    },
  });
  const crossTab =
    options.crossTab !== undefined
      ? options.crossTab
      : store.kind === 'indexeddb'
        ? broadcastCrossTab()
        : null;
  basket = await createBasket({
    store,
    crossTab,
    onLoadProgress: options.onLoadProgress,
    initialList: rememberedList(),
    onListSelected: rememberList,
    ...(options.ctx ? { ctx: options.ctx } : {}),
    ...(options.connectHousehold ? { connectHousehold: options.connectHousehold } : {}),
  });
  return basket;
}
