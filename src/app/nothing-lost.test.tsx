import { act, screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM, MAX_IDS_PER_EVENT, TIME_MIN, type BasketEvent } from '../events';
import { inEnglish } from '../i18n/english';
import type { EventContext } from '../model';
import { openDexieStore } from '../store';
import { parseBackup } from '../store/backup-file';
import { faultOn } from '../store/faults';
import { freshIndexedDB, openTestBasket, renderApp, testContext } from '../test/harness';
import { upgradedByNewerBasket } from '../store/newer-basket';
import { addProducts, shownProducts } from '../test/people';
import { valid } from '../test/steps';

const adding = (name: string, quantity = 1) =>
  ({ type: 'AddProduct', streamId: DEFAULT_STREAM, ...valid(name, quantity) }) as const;

type App = Awaited<ReturnType<typeof renderApp>>;

const DAY = Date.UTC(2026, 10, 22, 9, 0);

/** A clock that says whatever `now` holds, and moves a second each time it is read. */
function settableClock(start: number, prefix = 'id'): EventContext & { set(at: number): void } {
  let now = start;
  let id = 0;
  return {
    now: () => (now += 1000),
    newId: () => `${prefix}-${(id += 1)}`,
    set: (at) => (now = at),
  };
}

async function closeApp(app: App) {
  app.unmount();
  app.basket.dispose();
}

/** The backup this Basket would export, as the text of the file. */
async function exported(basket: App['basket']): Promise<string> {
  return JSON.stringify((await basket.exportBackup()).file);
}

const asFile = (text: string) => new File([text], 'backup.json', { type: 'application/json' });

/** A product added and checked off, as events of list `streamId` from version `from`. */
function bought(n: number, from: number, streamId = DEFAULT_STREAM): BasketEvent[] {
  const at = DAY + n;
  const productId = `p-${n}`;
  return [
    {
      id: `add-${n}`,
      type: 'ProductAdded',
      v: 2,
      at,
      streamId,
      streamVersion: from,
      payload: { productId, name: `Thing ${n}`, quantity: 1, unit: null },
    },
    {
      id: `check-${n}`,
      type: 'ProductChecked',
      v: 1,
      at,
      streamId,
      streamVersion: from + 1,
      payload: { productId },
    },
  ];
}

const picker = () => screen.getByRole('combobox', { name: 'List' });

async function newList({ user }: App, name: string) {
  await user.click(screen.getByRole('button', { name: 'New list' }));
  await user.type(screen.getByRole('textbox', { name: 'List name' }), `${name}{Enter}`);
  await waitFor(() => expect(picker()).toHaveDisplayValue(name));
}

describe('1. what Basket writes, it reads — whatever the clock, the list or a damaged row', () => {
  it('a phone whose clock says 1970 adds Milk, is told, and opens, exports and rebuilds after', async () => {
    const idb = freshIndexedDB();
    const clock = settableClock(0);
    const app = await renderApp({ ...idb, ctx: clock });
    await addProducts(app.user, 'Milk');
    expect(await screen.findByRole('alert')).toHaveTextContent('This device’s clock looks wrong');
    await closeApp(app);

    const again = await renderApp(idb);
    expect(shownProducts()).toEqual(['Milk']);
    const file = await parseBackup(await exported(again.basket));
    expect(file.ok && file.events[0]?.at).toBe(TIME_MIN);
    await expect(again.basket.rebuild()).resolves.toMatchObject({ ok: true });
    expect(shownProducts()).toEqual(['Milk']);
  });

  it('a clock that jumps back a year still records, at its own time, with nothing undone', async () => {
    const clock = settableClock(DAY);
    const app = await renderApp({ ctx: clock });
    await addProducts(app.user, 'Milk');
    clock.set(DAY - 365 * 86_400_000);
    await app.user.click(screen.getByRole('button', { name: 'Delete Milk' }));
    await waitFor(() => expect(shownProducts()).toEqual([]));
    await expect(app.basket.rebuild()).resolves.toMatchObject({ ok: true });
    expect(shownProducts()).toEqual([]);
    // Restored on another device, the delete still comes after the add it deleted.
    const elsewhere = await openTestBasket();
    await elsewhere.importBackup(asFile(await exported(app.basket)));
    expect(elsewhere.getState().list.products.size).toBe(0);
  });

  it(`clears more than ${MAX_IDS_PER_EVENT} bought products in one undoable step, and opens after`, async () => {
    const idb = freshIndexedDB();
    const seed = await openDexieStore(idb);
    const count = MAX_IDS_PER_EVENT + 3;
    await seed.importEvents(Array.from({ length: count }, (_, i) => bought(i, 2 * i + 1)).flat());
    seed.close();

    const basket = await openTestBasket(idb);
    const cleared = await basket.dispatch({
      type: 'ClearCheckedProducts',
      streamId: DEFAULT_STREAM,
    });
    expect(cleared.ok && cleared.events.map((e) => e.type)).toEqual([
      'CheckedProductsCleared',
      'CheckedProductsCleared',
    ]);
    basket.dispose();

    const booted = await openTestBasket(idb);
    expect(booted.getState().list.products.size).toBe(0);
    expect((await parseBackup(JSON.stringify((await booted.exportBackup()).file))).ok).toBe(true);
    await booted.dispatch({ type: 'Undo', streamId: DEFAULT_STREAM });
    expect(booted.getState().list.products.size).toBe(count);
    booted.dispose();
  }, 60_000);

  it('one damaged row is kept and told; the rest of the list opens, exports and imports', async () => {
    const idb = freshIndexedDB();
    const first = await renderApp(idb);
    await addProducts(first.user, 'Milk', 'Bread');
    await closeApp(first);
    const raw = new Dexie('basket', idb);
    await raw.open();
    const damaged = {
      id: 'damaged-1',
      type: 'ProductAdded',
      v: 1,
      at: DAY,
      streamId: DEFAULT_STREAM,
      streamVersion: 3,
      payload: { productId: 'p-x', name: 'Eggs', quantity: -4 },
    };
    await raw.table('events').add({ ...damaged });
    raw.close();

    const app = await renderApp(idb);
    expect(shownProducts().sort()).toEqual(['Bread', 'Milk']);
    expect(screen.getByText(/1 saved change could not be read by this Basket/)).toBeInTheDocument();
    // The list goes on: its next change comes after the damaged row.
    await addProducts(app.user, 'Tea');
    const text = await exported(app.basket);
    expect(JSON.parse(text).unreadable).toEqual([damaged]);
    await closeApp(app);

    const elsewhere = await renderApp();
    await elsewhere.user.upload(await screen.findByLabelText('Import backup'), asFile(text));
    await waitFor(() => expect(shownProducts().sort()).toEqual(['Bread', 'Milk', 'Tea']));
    expect(
      await screen.findByText(
        /^Imported 3 changes from the backup\. 1 change in it could not be read by this Basket/,
      ),
    ).toBeInTheDocument();
    expect(JSON.parse(await exported(elsewhere.basket)).unreadable).toEqual([damaged]);
  });

  it('opens on a full disk even when it must fold the whole history again', async () => {
    const idb = freshIndexedDB();
    const first = await openTestBasket(idb);
    await first.dispatch(adding('Milk'));
    first.dispose();
    const raw = new Dexie('basket', idb);
    await raw.open();
    // As after an update that changes how the list is folded.
    await raw.table('meta').put({ key: 'snapshot', reducerVersion: 1, lastSeq: 0 });
    raw.close();
    const { fault, middleware } = faultOn(
      'meta',
      () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    fault.armed = true;
    await renderApp({ ...idb, middleware: [middleware] });
    expect(shownProducts()).toEqual(['Milk']);
  });
});

describe('2. a merge keeps the order each device saw: no clock undoes or resurrects', () => {
  it('a product deleted on a phone whose clock is 30 minutes behind stays deleted', async () => {
    const home = await openTestBasket({ ctx: testContext(DAY, 'home') });
    await home.dispatch(adding('Milk'));
    const phone = await openTestBasket({ ctx: testContext(DAY - 30 * 60_000, 'phone') });
    await phone.importBackup(asFile(await exported(home)));
    const milk = [...phone.getState().list.products.values()][0]!;
    await phone.dispatch({ type: 'RemoveProduct', productId: milk.productId });

    await home.importBackup(asFile(await exported(phone)));
    expect(home.getState().list.products.size).toBe(0);
    await phone.importBackup(asFile(await exported(home)));
    expect(await exported(home)).toContain('"ProductRemoved"');
    expect((await home.readLog()).map((e) => e.id)).toEqual(
      (await phone.readLog()).map((e) => e.id),
    );
  });

  it('after its clock is put back, importing an unrelated backup undoes no later delete or check', async () => {
    const clock = settableClock(Date.UTC(2031, 0, 1), 'me');
    const me = await openTestBasket({ ctx: clock });
    await me.dispatch(adding('Milk'));
    await me.dispatch(adding('Bread'));
    clock.set(DAY);
    const [milk, bread] = [...me.getState().list.products.values()];
    await me.dispatch({ type: 'RemoveProduct', productId: milk!.productId });
    await me.dispatch({ type: 'CheckProduct', productId: bread!.productId });

    const other = await openTestBasket({ ctx: testContext(DAY, 'other') });
    await other.dispatch({ type: 'CreateList', name: valid('Hardware', 1).name });
    await me.importBackup(asFile(await exported(other)));
    const products = [...me.getState().list.products.values()];
    expect(products.map((p) => [p.name, p.checked])).toEqual([['Bread', true]]);
  });

  it('an event stamped in the far future wins over nothing that came after it', async () => {
    const future = await openTestBasket({ ctx: testContext(Date.UTC(2150, 0, 1), 'future') });
    await future.dispatch(adding('Milk'));
    const milk = [...future.getState().list.products.values()][0]!;
    await future.dispatch({ type: 'CheckProduct', productId: milk.productId });
    const now = await openTestBasket({ ctx: testContext(DAY, 'now') });
    await now.importBackup(asFile(await exported(future)));
    await now.dispatch({ type: 'UncheckProduct', productId: milk.productId });
    await now.dispatch({ type: 'RemoveProduct', productId: milk.productId });

    await future.importBackup(asFile(await exported(now)));
    expect(future.getState().list.products.size).toBe(0);
  });
});

describe('3. import and rebuild never cut a dispatch in two', () => {
  it('one Undo reverts the whole edit after an import and a rebuild with small chunks', async () => {
    const source = await openTestBasket();
    await source.dispatch(adding('Tea'));
    const tea = [...source.getState().list.products.values()][0]!;
    // One edit, two events: a rename and a quantity.
    await source.dispatch({
      type: 'EditProduct',
      productId: tea.productId,
      ...valid('Green tea', 3),
    });

    const idb = freshIndexedDB();
    const app = await renderApp({ ...idb, writeChunk: 2, readChunk: 2 });
    await app.user.upload(
      await screen.findByLabelText('Import backup'),
      asFile(await exported(source)),
    );
    await waitFor(() => expect(shownProducts()).toEqual(['Green tea']));
    await app.user.click(screen.getByRole('button', { name: 'Rebuild from history' }));
    await screen.findByText('Rebuilt your list from its history.');

    await app.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(shownProducts()).toEqual(['Tea']));
    expect([...app.basket.getState().list.products.values()][0]).toMatchObject({ quantity: 1 });
    expect(screen.getByRole('button', { name: 'Redo' })).toBeEnabled();
    await app.user.click(screen.getByRole('button', { name: 'Redo' }));
    await waitFor(() => expect(shownProducts()).toEqual(['Green tea']));
  });
});

describe('5. a product belongs to one list', () => {
  it('refuses a backup naming one product in two lists, and writes nothing', async () => {
    const app = await renderApp();
    await addProducts(app.user, 'Milk');
    const before = await exported(app.basket);
    const crafted = {
      format: 'basket-backup',
      version: 1,
      exportedAt: DAY,
      events: [
        ...bought(1, 1, 'list:other'),
        {
          id: 'remove-theirs',
          type: 'ProductRemoved',
          v: 1,
          at: DAY,
          streamId: 'list:other',
          streamVersion: 3,
          payload: { productId: [...app.basket.getState().list.products.keys()][0] },
        },
      ],
    };
    await app.user.upload(
      await screen.findByLabelText('Import backup'),
      asFile(JSON.stringify(crafted)),
    );
    expect(await screen.findByText(/names product .* in two lists/)).toBeInTheDocument();
    expect(shownProducts()).toEqual(['Milk']);
    expect(JSON.parse(await exported(app.basket)).events).toEqual(JSON.parse(before).events);
  });
});

describe('6. there is always a list to open and add to', () => {
  it('a backup that deletes the only list leaves it open, also after a reload', async () => {
    const idb = freshIndexedDB();
    const app = await renderApp(idb);
    await addProducts(app.user, 'Milk');
    const crafted = {
      format: 'basket-backup',
      version: 1,
      exportedAt: DAY,
      events: [
        {
          id: 'gone',
          type: 'ListDeleted',
          v: 1,
          at: DAY + 60_000,
          streamId: DEFAULT_STREAM,
          streamVersion: 1,
          payload: {},
        },
      ],
    };
    await app.user.upload(
      await screen.findByLabelText('Import backup'),
      asFile(JSON.stringify(crafted)),
    );
    await screen.findByText('Imported 1 change from the backup.');
    expect(within(picker()).getAllByRole('option')).toHaveLength(1);
    await addProducts(app.user, 'Bread');
    await closeApp(app);

    await renderApp(idb);
    expect(within(picker()).getAllByRole('option')).toHaveLength(1);
    expect(shownProducts().sort()).toEqual(['Bread', 'Milk']);
  });
});

describe('7. nothing is told as added where no one can see it; undo undoes what it says', () => {
  it('a tab that missed a list’s deletion refuses to add Cake to it, and keeps what was typed', async () => {
    const idb = freshIndexedDB();
    const app = await renderApp(idb);
    await newList(app, 'Party');
    const party = app.basket.getState().currentList;
    // Another tab, unheard by this one, deletes the list.
    const other = await openTestBasket(idb);
    await other.dispatch({ type: 'DeleteList', streamId: party });
    other.dispose();

    await app.user.type(screen.getByRole('combobox', { name: 'Product' }), 'Cake{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cake was not added: that list was deleted',
    );
    expect(screen.getByRole('combobox', { name: 'Product' })).toHaveValue('Cake');
    const stored = await app.basket.readLog();
    expect(stored.some((e) => e.type === 'ProductAdded')).toBe(false);
  });

  it('Undo right after deleting a list brings that list back and opens it', async () => {
    const app = await renderApp();
    await addProducts(app.user, 'Milk');
    await newList(app, 'Party');
    await addProducts(app.user, 'Balloons');
    await app.user.click(screen.getByRole('button', { name: 'Delete list' }));
    await app.user.click(screen.getByRole('button', { name: 'Delete Party' }));
    await waitFor(() => expect(picker()).toHaveDisplayValue('Shopping list'));

    await app.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(picker()).toHaveDisplayValue('Party'));
    expect(shownProducts()).toEqual(['Balloons']);
    await app.user.selectOptions(picker(), 'Shopping list');
    expect(shownProducts()).toEqual(['Milk']);
  });

  it('Undo pressed on one action undoes that one, and nothing else, when another tab’s change came first', async () => {
    const idb = freshIndexedDB();
    const basket = await openTestBasket(idb);
    await basket.dispatch(adding('Milk'));
    const shown = basket.getState().list.stacks.get(DEFAULT_STREAM)!.undo.at(-1)!;
    const other = await openTestBasket(idb);
    await other.dispatch(adding('Bread'));
    other.dispose();

    const outcome = await basket.dispatch({
      type: 'Undo',
      streamId: DEFAULT_STREAM,
      actionId: shown.id,
    });
    expect(outcome.ok).toBe(true);
    expect([...basket.getState().list.products.values()].map((p) => p.name)).toEqual(['Bread']);
  });

  it('Undo pressed on one action undoes nothing when another tab changed the same product since', async () => {
    const idb = freshIndexedDB();
    const basket = await openTestBasket(idb);
    await basket.dispatch(adding('Milk'));
    const shown = basket.getState().list.stacks.get(DEFAULT_STREAM)!.undo.at(-1)!;
    const other = await openTestBasket(idb);
    const milk = [...other.getState().list.products.values()][0]!;
    await other.dispatch({ type: 'CheckProduct', productId: milk.productId });
    other.dispose();

    const outcome = await basket.dispatch({
      type: 'Undo',
      streamId: DEFAULT_STREAM,
      actionId: shown.id,
    });
    expect(!outcome.ok && inEnglish(outcome.message)).toBe(
      'This was changed again since, so it was not undone: Added Milk.',
    );
    expect([...basket.getState().list.products.values()].map((p) => p.name)).toEqual(['Milk']);
  });
});

describe('11. each fault is named truly', () => {
  it('clearing site data while Basket is open says so, not that Basket was updated', async () => {
    const idb = freshIndexedDB();
    const app = await renderApp(idb);
    await addProducts(app.user, 'Milk');
    // What the browser does when a person clears the site's data.
    await act(
      () =>
        new Promise((done) => {
          idb.indexedDB!.deleteDatabase('basket').onsuccess = done;
        }),
    );
    expect(await screen.findByText('Saved data cleared.')).toBeInTheDocument();
    expect(screen.queryByText(/Basket was updated/)).not.toBeInTheDocument();
    await app.user.type(screen.getByRole('combobox', { name: 'Product' }), 'Tea{Enter}');
    // Nothing is shown as saved, and what was typed is still there.
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('alert')
          .map((a) => a.textContent)
          .join(' '),
      ).toMatch(/nothing more can be saved here/),
    );
    expect(shownProducts()).toEqual(['Milk']);
    expect(screen.getByRole('combobox', { name: 'Product' })).toHaveValue('Tea');
  });

  it('an older Basket on a newer Basket’s database reads it, writes nothing, and says why', async () => {
    const idb = freshIndexedDB();
    const first = await openTestBasket(idb);
    await first.dispatch(adding('Milk'));
    first.dispose();
    (await upgradedByNewerBasket(idb)).close();

    const app = await renderApp(idb);
    expect(shownProducts()).toEqual(['Milk']);
    expect(screen.getByRole('alert')).toHaveTextContent('Basket was updated');
    await app.user.type(screen.getByRole('combobox', { name: 'Product' }), 'Tea{Enter}');
    await waitFor(() => expect(shownProducts()).toEqual(['Milk']));
    const raw = new Dexie('basket', idb);
    await raw.open();
    expect(await raw.table('events').count()).toBe(1);
    raw.close();
    expect((await parseBackup(await exported(app.basket))).ok).toBe(true);
  });
});
