import { says } from '../../events/sentence';
import { listInfo } from '../lists';
import { noPurchases, type Handler } from './handler';

export const listRenamed: Handler<'ListRenamed'> = {
  evolve({ lists }, event) {
    lists.set(event.streamId, { ...listInfo(lists, event.streamId), name: event.payload.name });
  },
  invert: (event, { lists }) => [
    { type: 'ListRenamed', payload: { name: listInfo(lists, event.streamId).name } },
  ],
  describe: (event, { listName }) =>
    says('listRenamed', { from: listName(), to: event.payload.name }),
  purchases: noPurchases,
};
