import { says } from '../../events/sentence';
import { noInverse, noPurchases, noRows, type Handler } from './handler';

/** A marker: the removals and restores beside it make the list what it was. */
export const listRestored: Handler<'ListRestored'> = {
  evolve: noRows,
  invert: noInverse,
  describe: () => says('listRestored'),
  purchases: noPurchases,
};
