import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { DEFAULT_STREAM, type BasketEvent } from '../../events';
import { BasketProvider, openBasket, type Basket } from '../../bus';
import { I18nProvider } from '../../i18n';
import { encodeInvite, toBase64Url } from '../../sync/invite';
import { testInvite } from '../../test/invite';
import {
  createMemoryServer,
  type MemoryConnection,
  type MemoryServer,
} from '../../sync/memory-server';
import { freshIndexedDB } from '../../test/harness';
import { openMenu } from '../../test/menu';
import { valid } from '../../test/steps';
import { forgetOffered } from './offered';

const invite = testInvite;
const link = encodeInvite('http://localhost:4173/', invite);
const newerLink = `http://localhost:4173/#join=${toBase64Url(
  new TextEncoder().encode(JSON.stringify({ ...invite, v: 2 })),
)}`;

const opened: Basket[] = [];
afterEach(() => {
  for (const basket of opened.splice(0)) basket.dispose();
  localStorage.clear();
  forgetOffered();
});

async function open(server: MemoryServer, connections: MemoryConnection[] = []) {
  const basket = await openBasket({
    storage: freshIndexedDB(),
    crossTab: null,
    connectHousehold: (_invite, deviceId) => {
      const connection = server.connect(deviceId);
      connections.push(connection);
      return Promise.resolve(connection);
    },
  });
  opened.push(basket);
  return basket;
}

async function renderApp(server: MemoryServer, connections: MemoryConnection[] = []) {
  const basket = await open(server, connections);
  const user = userEvent.setup();
  render(
    <BasketProvider basket={basket}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </BasketProvider>,
  );
  return { basket, user };
}

const syncRegion = () => screen.findByRole('region', { name: 'Sync' });

describe('the Sync panel', () => {
  it('a damaged or newer link says why beside the field and joins nothing', async () => {
    const { user } = await renderApp(createMemoryServer());
    await user.click((await openMenu(user)).getByRole('button', { name: 'Sync' }));
    const region = within(await syncRegion());
    const field = region.getByRole('textbox', { name: 'Invite link' });
    await user.type(field, 'http://localhost:4173/#join=bm90IGpzb24');
    await user.click(region.getByRole('button', { name: 'Join' }));
    expect(region.getByText('This invite link is damaged. Ask for it again.')).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription('This invite link is damaged. Ask for it again.');

    await user.clear(field);
    await user.type(field, newerLink);
    await user.click(region.getByRole('button', { name: 'Join' }));
    expect(
      region.getByText('This invite link was made by a newer Basket. Update Basket to join.'),
    ).toBeInTheDocument();
    expect(region.queryByRole('button', { name: 'Leave household' })).toBeNull();
    expect(localStorage.getItem('basket:household')).toBeNull();
  });

  it('joins by link, shows another device’s add, and leaving keeps the lists', async () => {
    const server = createMemoryServer();
    const { user } = await renderApp(server);
    await user.click((await openMenu(user)).getByRole('button', { name: 'Sync' }));
    const region = within(await syncRegion());
    await user.type(region.getByRole('textbox', { name: 'Device name' }), 'Kitchen');
    await user.type(region.getByRole('textbox', { name: 'Invite link' }), link);
    await user.click(region.getByRole('button', { name: 'Join' }));
    expect(await region.findByText('Household: Smith family')).toBeInTheDocument();
    expect(await region.findByText('Synced')).toHaveAttribute('role', 'status');
    expect(region.getByRole('button', { name: 'Copy invite link' })).toBeInTheDocument();

    const ben = await open(server);
    await ben.household.join(invite, 'Ben');
    await ben.dispatch({ type: 'AddProduct', streamId: DEFAULT_STREAM, ...valid('Milk', 1) });
    expect(
      await screen.findByRole('checkbox', { name: 'Milk' }, { timeout: 4000 }),
    ).toBeInTheDocument();

    await user.click(region.getByRole('button', { name: 'Leave household' }));
    expect(await region.findByRole('textbox', { name: 'Invite link' })).toBeInTheDocument();
    expect(region.queryByText('Synced')).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Milk' })).toBeInTheDocument();
    // Remembered: the device name stays, the household does not.
    expect(region.getByRole('textbox', { name: 'Device name' })).toHaveValue('Kitchen');
    expect(localStorage.getItem('basket:household')).toBeNull();
  });

  it('the history names the device that did each thing', async () => {
    const server = createMemoryServer();
    const { user, basket } = await renderApp(server);
    await basket.household.join(invite, 'Kitchen');
    expect(await screen.findByText('Synced')).toBeInTheDocument();
    const ben = await open(server);
    await ben.household.join(invite, 'Ben’s phone');
    await ben.dispatch({ type: 'AddProduct', streamId: DEFAULT_STREAM, ...valid('Milk', 2) });
    expect(
      await screen.findByRole('checkbox', { name: 'Milk' }, { timeout: 4000 }),
    ).toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Bread{Enter}');
    await screen.findByRole('checkbox', { name: 'Bread' });

    await user.click((await openMenu(user)).getByRole('button', { name: 'History' }));
    const history = within(await screen.findByRole('region', { name: 'History' }));
    expect(await history.findByText('Ben’s phone: Added Milk × 2.')).toBeInTheDocument();
    expect(history.getByText('Kitchen: Added Bread.')).toBeInTheDocument();
  });

  it('a change from the wire that cannot be read is left out and kept in the Sync region', async () => {
    const server = createMemoryServer();
    const { user, basket } = await renderApp(server);
    await user.click((await openMenu(user)).getByRole('button', { name: 'Sync' }));
    const region = within(await syncRegion());
    await basket.household.join(invite, 'Kitchen');
    expect(await region.findByText('Synced')).toBeInTheDocument();
    const bad = {
      id: 'rogue-1',
      type: 'ProductAdded',
      v: 1,
      at: Date.UTC(2026, 0, 1),
      streamId: DEFAULT_STREAM,
      streamVersion: 1,
      payload: { productId: 'rogue-p', name: 'Intruder', quantity: -1 },
    } as unknown as BasketEvent;
    const rogue = server.connect('rogue');
    await rogue.push({
      actionId: 'rogue-1',
      deviceId: 'rogue',
      streamId: DEFAULT_STREAM,
      events: [bad],
    });
    const told = within(await region.findByRole('list', { name: 'Changes left out' }));
    expect(told.getByRole('listitem')).toHaveTextContent(
      /^A change from another device could not be read \(payload\.quantity: .*\), so it was left out\.$/,
    );
    expect(screen.queryByRole('checkbox', { name: 'Intruder' })).toBeNull();
  });

  it('offline, the header says how many changes wait; back online, Synced', async () => {
    const server = createMemoryServer();
    const connections: MemoryConnection[] = [];
    const { user, basket } = await renderApp(server, connections);
    await basket.household.join(invite, 'Kitchen');
    expect(await screen.findByText('Synced')).toHaveAttribute('role', 'status');
    connections[0]!.setOnline(false);
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Milk{Enter}');
    await user.type(screen.getByRole('combobox', { name: 'Product' }), 'Bread{Enter}');
    expect(await screen.findByText('Offline — 2 changes waiting')).toHaveAttribute(
      'role',
      'status',
    );
    connections[0]!.setOnline(true);
    expect(await screen.findByText('Synced')).toBeInTheDocument();
    await waitFor(() => expect(server.log()).toHaveLength(2));
  });

  it('opened at #join=…, asks whether to join, and removes the link from the address', async () => {
    history.replaceState(null, '', `/#${link.split('#')[1]}`);
    const { user } = await renderApp(createMemoryServer());
    const region = within(await syncRegion());
    expect(location.hash).toBe('');
    expect(
      region.getByText(
        'Join the household “Smith family”? Its lists and this device’s will be shared.',
      ),
    ).toBeInTheDocument();
    // The household's history names each device: a blank name is asked for, nothing joined.
    await user.click(region.getByRole('button', { name: 'Join' }));
    const name = region.getByRole('textbox', { name: 'Device name' });
    expect(name).toHaveAccessibleDescription(
      'Give this device a name, so the household’s history can say who did what.',
    );
    expect(localStorage.getItem('basket:household')).toBeNull();
    await user.type(name, 'x'.repeat(61));
    await user.click(region.getByRole('button', { name: 'Join' }));
    expect(name).toHaveAccessibleDescription('A device name can be at most 60 characters.');
    expect(localStorage.getItem('basket:household')).toBeNull();
    await user.clear(name);
    await user.type(name, 'Hall tablet');
    await user.click(region.getByRole('button', { name: 'Join' }));
    expect(await region.findByText('Household: Smith family')).toBeInTheDocument();
  });
});
