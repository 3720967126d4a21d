import { nameKey, type ProductId, type StreamId } from '../events';
import { groupByAisle, type Aisle } from './aisles';
import { aislesOf } from './lists';
import type { Product } from './product';
import { matchName } from './name-match';
import { sameName } from './name-index';
import type { ListState } from './read-model';

export interface ShoppingView {
  /**
   * Still to buy, aisle by aisle in the list's order; with them, in their places, the products
   * `lingering` names (checked off here a moment ago), checked.
   */
  readonly aisles: readonly Aisle[];
  /** The same products, in the same order, as one run. */
  readonly toBuy: readonly Product[];
  /** Bought, most recently checked first. */
  readonly bought: readonly Product[];
  /** Products on the list before the search filter. */
  readonly total: number;
  /** Products still to buy before the search filter. */
  readonly remaining: number;
  /** Price × quantity of the products with a price: still to buy, and everything on the list. */
  readonly toBuyTotal: number;
  readonly allTotal: number;
  /** How many products have a price at all. */
  readonly priced: number;
}

const byCheckedNewest = (a: Product, b: Product) =>
  (b.checkedAt ?? 0) - (a.checkedAt ?? 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const NONE: ReadonlySet<ProductId> = new Set();

/**
 * The list as the shopping screen shows it. `lingering`: products just checked off here, which
 * stay in their aisle for a moment (checked, but placed as if still to buy) so a mistaken tap
 * can be tapped again; the counts and totals are the real ones.
 */
export function shoppingView(
  list: ListState,
  streamId: StreamId,
  search: string,
  lingering: ReadonlySet<ProductId> = NONE,
): ShoppingView {
  const query = nameKey(search);
  const toBuy: Product[] = [];
  const bought: Product[] = [];
  let total = 0;
  let remaining = 0;
  let toBuyCents = 0;
  let allCents = 0;
  let priced = 0;
  // `forEach`, not `for…of`: a shared table walks its base natively, with no generator.
  list.products.forEach((product) => {
    if (product.streamId !== streamId) return;
    total += 1;
    if (!product.checked) remaining += 1;
    if (product.price !== null) {
      // In cents, so 0.1 + 0.2 adds up to what a receipt says.
      const cents = Math.round(product.price * 100 * product.quantity);
      priced += 1;
      allCents += cents;
      if (!product.checked) toBuyCents += cents;
    }
    if (query && !matchName(product.key, query)) return;
    if (product.checked && !lingering.has(product.productId)) bought.push(product);
    else toBuy.push(product);
  });
  const aisles = groupByAisle(toBuy, list.categories, aislesOf(list.lists, streamId));
  return {
    aisles,
    toBuy: aisles.flatMap((a) => a.products),
    bought: bought.sort(byCheckedNewest),
    total,
    remaining,
    toBuyTotal: toBuyCents / 100,
    allTotal: allCents / 100,
    priced,
  };
}

/**
 * The product of this name on list `streamId`, through the name index: the one the fold of an
 * add of this name would join (`sameName`), found without a walk of every row.
 */
export function findByName(list: ListState, streamId: StreamId, name: string): Product | undefined {
  return sameName(list.products, streamId, nameKey(name));
}

/**
 * The product `productId` names: its own row, or through an alias the row its add joined (two
 * devices that added the same name while apart); undefined if it is gone.
 */
export function productOf(
  list: Pick<ListState, 'products' | 'aliases'>,
  productId: ProductId,
): Product | undefined {
  const into = list.aliases.get(productId);
  return list.products.get(productId) ?? (into === undefined ? undefined : list.products.get(into));
}
