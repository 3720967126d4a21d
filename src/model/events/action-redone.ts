import { says } from '../../events/sentence';
import { noInverse, noPurchases, noRows, type Handler } from './handler';

/** A marker: the events beside it do the action again; the stacks move it back to undo. */
export const actionRedone: Handler<'ActionRedone'> = {
  evolve: noRows,
  invert: noInverse,
  describe(event, { stacks }) {
    const entry = stacks?.redo.find((e) => e.id === event.payload.actionId);
    return entry ? says('redid', { label: entry.label }) : says('redidSomething');
  },
  purchases: noPurchases,
};
