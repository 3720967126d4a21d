import { says } from '../../events/sentence';
import { listInfo } from '../lists';
import { noPurchases, type Handler } from './handler';

export const listDeleted: Handler<'ListDeleted'> = {
  evolve({ lists }, event) {
    const current = listInfo(lists, event.streamId);
    lists.set(event.streamId, { ...current, deleted: true, deletedAt: event.at });
  },
  invert: (event, { lists }) => [
    { type: 'ListCreated', payload: { name: listInfo(lists, event.streamId).name } },
  ],
  describe: (_event, { listName }) => says('listDeleted', { name: listName() }),
  purchases: noPurchases,
};
