import { render } from '@testing-library/react';
import { listProjection } from '../model';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { App } from '../app/App';
import { I18nProvider } from '../i18n';
import { BasketProvider, createBasket, openBasket, type Basket, type CrossTab } from '../bus';
import type { EventContext } from '../model';
import { type DexieStoreOptions } from '../store';
import { createMemoryStore } from '../store/memory-store';

/**
 * A fresh, private IndexedDB for one test, with the shopping lists' fold the store is opened with
 * (as `openBasket` opens it): nothing leaks between tests.
 */
export function freshIndexedDB(): Pick<DexieStoreOptions, 'indexedDB' | 'IDBKeyRange'> & {
  projection: typeof listProjection;
} {
  return { indexedDB: new IDBFactory(), IDBKeyRange, projection: listProjection };
}

/** A clock that moves one second per event and ids that read well in failures. */
export function testContext(start = Date.UTC(2026, 10, 22, 9, 0), prefix = 'id'): EventContext {
  let now = start;
  let id = 0;
  return { now: () => (now += 1000), newId: () => `${prefix}-${(id += 1)}` };
}

/** The basket as the app opens it (same wiring), on a private fake IndexedDB unless told. */
export async function openTestBasket(
  options: DexieStoreOptions & {
    crossTab?: CrossTab | null;
    memory?: boolean;
    ctx?: EventContext;
  } = {},
): Promise<Basket> {
  if (options.memory) return createBasket({ store: createMemoryStore(listProjection) });
  const { crossTab = null, memory: _memory, ctx, ...storage } = options;
  return openBasket({
    storage: { ...freshIndexedDB(), ...storage },
    crossTab,
    ...(ctx ? { ctx } : {}),
  });
}

/** The whole app on the real bus and a real (fake-indexeddb) store, as a person would use it. */
export async function renderApp(options: Parameters<typeof openTestBasket>[0] = {}) {
  const basket = await openTestBasket(options);
  const user = userEvent.setup();
  const view = render(
    <BasketProvider basket={basket}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </BasketProvider>,
  );
  return { user, basket, ...view };
}
