import { says } from '../../events/sentence';
import { noInverse, noPurchases, noRows, type Handler } from './handler';

/** A marker: the events beside it reverse the action; the stacks move it to redo. */
export const actionUndone: Handler<'ActionUndone'> = {
  evolve: noRows,
  invert: noInverse,
  describe(event, { stacks }) {
    const entry = stacks?.undo.find((e) => e.id === event.payload.actionId);
    return entry ? says('undid', { label: entry.label }) : says('undidSomething');
  },
  purchases: noPurchases,
};
