import { screen, waitFor, within } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDexieStore } from '../../store';
import { freshIndexedDB, renderApp } from '../../test/harness';
import { openMenu } from '../../test/menu';

type App = Awaited<ReturnType<typeof renderApp>>;

/** jsdom has no downloads: catch the file the page hands to the browser instead. */
function catchDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

async function add({ user }: App, ...names: string[]) {
  for (const name of names) {
    await user.type(screen.getByRole('combobox', { name: 'Product' }), `${name}{Enter}`);
    await screen.findByRole('checkbox', { name });
  }
}

const importInput = async ({ user }: App) =>
  (await openMenu(user)).findByLabelText('Import backup');
const asFile = (text: string, name = 'backup.json') =>
  new File([text], name, { type: 'application/json' });

describe('backing up and restoring a list', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => {
    downloads = catchDownloads();
  });

  it('exports every change, and a fresh Basket restores the same list from it', async () => {
    const app = await renderApp();
    await add(app, 'Milk', 'Bread', 'Eggs');
    await app.user.click(screen.getByRole('checkbox', { name: 'Bread' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Bread' })).toBeChecked());
    const menu = await openMenu(app.user);
    await app.user.click(await menu.findByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const [{ name, blob }] = downloads as [{ name: string; blob: Blob }];
    expect(name).toMatch(/^basket-\d{4}-\d{2}-\d{2}\.json$/);
    // The person is told it worked, and what the file is called (just after the file is handed over).
    await waitFor(() =>
      expect(menu.getByRole('status')).toHaveTextContent(`Backup saved: ${name}`),
    );
    const text = await blob.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'basket-backup', version: 1 });
    expect(JSON.parse(text).events).toHaveLength(4);
    app.unmount();
    app.basket.dispose();

    const fresh = await renderApp();
    await fresh.user.upload(await importInput(fresh), asFile(text, name));
    expect(await screen.findByText('Imported 4 changes from the backup.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Milk' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Bread' })).toBeChecked();
    expect(screen.getByText('2 of 3 left to buy')).toBeInTheDocument();

    await fresh.user.upload(await importInput(fresh), asFile(text, name));
    expect(
      await screen.findByText('Nothing new: everything in this backup is already here.'),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Shopping list' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
  });

  const hostileDir = join(__dirname, '../../store/fixtures/hostile');
  it.each(readdirSync(hostileDir))('refuses %s with an alert and changes nothing', async (file) => {
    const idb = freshIndexedDB();
    const app = await renderApp(idb);
    await add(app, 'Milk');
    const before = await (await openDexieStore(idb)).readAfter(0);

    await app.user.upload(
      await importInput(app),
      asFile(readFileSync(join(hostileDir, file), 'utf8'), file),
    );
    const backup = screen.getByRole('region', { name: 'Backup' });
    expect(await within(backup).findByRole('alert')).not.toBeEmptyDOMElement();
    expect(await (await openDexieStore(idb)).readAfter(0)).toEqual(before);
    expect(
      within(screen.getByRole('list', { name: 'Shopping list' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rebuilds the list from its history on request, and it is the same list', async () => {
    const app = await renderApp();
    await add(app, 'Tea', 'Coffee');
    const menu = await openMenu(app.user);
    const rebuild = await menu.findByRole('button', { name: 'Rebuild from history' });
    // Said plainly, beside the button: when a person would want it.
    expect(rebuild).toHaveAccessibleDescription(/If the list ever looks wrong/);
    await app.user.click(rebuild);
    expect(await screen.findByText('Rebuilt your list from its history.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Tea' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Coffee' })).toBeInTheDocument();
  });
});

describe('whether the browser keeps Basket’s storage', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'storage');
  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'storage', original);
    else Reflect.deleteProperty(navigator, 'storage');
  });

  /** jsdom has no StorageManager; this stands in for the browser's answer. */
  function browserWillPersist(granted: boolean) {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => granted) };
    Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
    return storage;
  }

  it('asks after the first save, warns of nothing before it, and says when the list is kept for good', async () => {
    const storage = browserWillPersist(true);
    const app = await renderApp();
    const menu = await openMenu(app.user);
    expect(await menu.findByRole('region', { name: 'Backup' })).toBeInTheDocument();
    await waitFor(() => expect(storage.persisted).toHaveBeenCalled());
    expect(screen.queryByText(/may clear Basket’s storage/)).toBeNull();
    expect(storage.persist).not.toHaveBeenCalled();
    await app.user.keyboard('{Escape}');
    await add(app, 'Milk');
    await openMenu(app.user);
    expect(await screen.findByText(/stored persistently/)).toBeInTheDocument();
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('nudges towards a backup when the browser will not promise to keep it', async () => {
    browserWillPersist(false);
    const app = await renderApp();
    await add(app, 'Milk');
    await openMenu(app.user);
    expect(await screen.findByText(/Export a backup now and then/)).toBeInTheDocument();
  });
});
