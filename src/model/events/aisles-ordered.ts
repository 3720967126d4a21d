import { says } from '../../events/sentence';
import { DEFAULT_AISLES } from '../aisles';
import { aislesOf, listInfo } from '../lists';
import { noPurchases, type Handler } from './handler';

export const aislesOrdered: Handler<'AislesOrdered'> = {
  evolve({ lists }, event) {
    // Back in the usual order is the same as never reordered: undo leaves no trace.
    const { aisles: _before, ...rest } = listInfo(lists, event.streamId);
    const usual = event.payload.order.every((c, i) => c === DEFAULT_AISLES[i]);
    lists.set(event.streamId, usual ? rest : { ...rest, aisles: event.payload.order });
  },
  invert: (event, { lists }) => [
    { type: 'AislesOrdered', payload: { order: [...aislesOf(lists, event.streamId)] } },
  ],
  describe: () => says('aislesOrdered'),
  purchases: noPurchases,
};
