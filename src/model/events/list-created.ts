import { says } from '../../events/sentence';
import { listInfo } from '../lists';
import { noPurchases, type Handler } from './handler';

export const listCreated: Handler<'ListCreated'> = {
  evolve({ lists }, event) {
    const current = listInfo(lists, event.streamId);
    lists.set(event.streamId, {
      ...current,
      name: event.payload.name,
      createdAt: lists.has(event.streamId) ? current.createdAt : event.at,
      deleted: false,
      deletedAt: undefined,
    });
  },
  invert(event, { lists }) {
    const before = lists.get(event.streamId);
    return before && !before.deleted
      ? [{ type: 'ListRenamed', payload: { name: before.name } }]
      : [{ type: 'ListDeleted', payload: {} }];
  },
  describe: (event) => says('listCreated', event.payload),
  purchases: noPurchases,
};
