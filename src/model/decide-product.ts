import { MAX_IDS_PER_EVENT, QUANTITY_MAX, type Draft } from '../events';
import { says, type Sentence } from '../events/sentence';
import { categoryOf, guessCategory } from './aisles';
import type { Command } from './commands';
import { isOpen, isRefusal, type Intent } from './intent';
import { placeOf, type Product } from './product';
import type { ListState } from './read-model';
import { findByName } from './selectors';

type AddOrClear = Extract<Command, { type: 'AddProduct' | 'ClearCheckedProducts' }>;
type OneProduct = Extract<
  Command,
  { type: 'CheckProduct' | 'UncheckProduct' | 'RemoveProduct' | 'EditProduct' | 'MoveProduct' }
>;

/** Commands about products: adding, clearing the bought ones, and acting on one. */
export function decideProduct(command: AddOrClear | OneProduct, list: ListState): Intent {
  if (command.type === 'AddProduct' || command.type === 'ClearCheckedProducts') {
    const { streamId } = command;
    if (!isOpen(list, streamId)) {
      // Deleted in another tab before this one heard of it: nothing lands where no one can see.
      return command.type === 'AddProduct'
        ? says('notAddedListGone', { name: command.name })
        : says('listGone');
    }
    const drafts =
      command.type === 'AddProduct' ? draftAdd(command, list) : draftClear(command, list);
    return isRefusal(drafts) ? drafts : { streamId, drafts };
  }
  const product = list.products.get(command.productId);
  if (!product || !isOpen(list, product.streamId)) return says('productGone');
  const drafts = draftForProduct(command, product, list);
  return isRefusal(drafts) ? drafts : { streamId: product.streamId, drafts };
}

function draftClear(
  command: Extract<Command, { type: 'ClearCheckedProducts' }>,
  list: ListState,
): Draft[] {
  const productIds = [...list.products.values()]
    .filter((p) => p.streamId === command.streamId && p.checked)
    .map((p) => p.productId);
  // One event may name at most MAX_IDS_PER_EVENT products; a longer list is cleared by
  // several events in one dispatch, which is still one action with one undo.
  const drafts: Draft[] = [];
  for (let i = 0; i < productIds.length; i += MAX_IDS_PER_EVENT) {
    const part = productIds.slice(i, i + MAX_IDS_PER_EVENT);
    drafts.push({ type: 'CheckedProductsCleared', payload: { productIds: part } });
  }
  return drafts;
}

function draftAdd(
  command: Extract<Command, { type: 'AddProduct' }>,
  list: ListState,
): Draft[] | Sentence {
  const { name, quantity } = command;
  const unit = command.unit ?? null;
  const existing = findByName(list, command.streamId, name);
  if (!existing) {
    // Its id is made with its envelope (decide.ts).
    return [{ type: 'ProductAdded', payload: { productId: '', name, quantity, unit } }];
  }
  const productId = existing.productId;
  // Counted in another unit than before ("500 g flour" onto "Flour × 1"): the two do not add
  // up, so the new amount is what is needed now, and the status line says so.
  const otherUnit = unit !== null && unit !== existing.unit;
  const unitDraft: Draft[] = otherUnit
    ? [{ type: 'ProductUnitChanged', payload: { productId, unit } }]
    : [];
  if (existing.checked) {
    // Bought already and needed again: back onto the list with the quantity asked for now.
    const drafts: Draft[] = [{ type: 'ProductUnchecked', payload: { productId } }];
    if (existing.quantity !== quantity) {
      drafts.push({
        type: 'ProductQuantityChanged',
        payload: { productId, quantity, reason: 'added-again' },
      });
    }
    return [...drafts, ...unitDraft];
  }
  const raised = otherUnit ? quantity : Math.round((existing.quantity + quantity) * 100) / 100;
  if (raised > QUANTITY_MAX) {
    const { name: was, quantity: now, unit: counted } = existing;
    return says('quantityWouldExceed', { name: was, quantity: now, unit: counted });
  }
  return [
    {
      type: 'ProductQuantityChanged',
      payload: { productId, quantity: raised, reason: 'added-again' },
    },
    ...unitDraft,
  ];
}

function draftForProduct(
  command: OneProduct,
  product: Product,
  list: ListState,
): Draft[] | Sentence {
  const { productId } = product;
  switch (command.type) {
    case 'CheckProduct':
      return product.checked ? [] : [{ type: 'ProductChecked', payload: { productId } }];
    case 'UncheckProduct':
      return product.checked ? [{ type: 'ProductUnchecked', payload: { productId } }] : [];
    case 'RemoveProduct':
      return [{ type: 'ProductRemoved', payload: { productId } }];
    case 'EditProduct':
      return draftEdit(command, product, list);
    case 'MoveProduct':
      return draftMove(command, product, list);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** Only what changed, as one dispatch: a name and a quantity are saved together, or neither. */
function draftEdit(
  command: Extract<Command, { type: 'EditProduct' }>,
  product: Product,
  list: ListState,
): Draft[] | Sentence {
  const { productId } = product;
  const drafts: Draft[] = [];
  if (command.name !== product.name) {
    const clash = findByName(list, product.streamId, command.name);
    if (clash && clash.productId !== productId) {
      return says('alreadyOnList', { name: clash.name });
    }
    drafts.push({ type: 'ProductRenamed', payload: { productId, name: command.name } });
  }
  if (command.price !== undefined && command.price !== product.price) {
    drafts.push({ type: 'ProductPriced', payload: { productId, price: command.price } });
  }
  if (command.category !== undefined) {
    // The choice is about the name, as it is after this edit, in every list.
    const name = command.name;
    const now = categoryOf(name, list.categories);
    if (command.category !== now) {
      // Choosing what the dictionary would guess anyway forgets the earlier choice.
      const category = command.category === guessCategory(name) ? null : command.category;
      drafts.push({ type: 'CategoryChosen', payload: { name, category } });
    }
  }
  if (command.quantity !== product.quantity) {
    drafts.push({
      type: 'ProductQuantityChanged',
      payload: { productId, quantity: command.quantity, reason: 'edited' },
    });
  }
  if (command.unit !== undefined && command.unit !== product.unit) {
    drafts.push({ type: 'ProductUnitChanged', payload: { productId, unit: command.unit } });
  }
  if (command.note !== undefined && command.note !== product.note) {
    drafts.push({ type: 'ProductNoted', payload: { productId, note: command.note } });
  }
  return drafts;
}

/**
 * A place between the two neighbours the person dropped it between, as they stand now (decided
 * in its turn, so a neighbour moved meanwhile is read where it is). A neighbour that is gone,
 * bought, or on another list is left out; with neither, nothing moves.
 */
function draftMove(
  command: Extract<Command, { type: 'MoveProduct' }>,
  product: Product,
  list: ListState,
): Draft[] {
  const near = (id: string | null) => {
    const p = id === null || id === product.productId ? undefined : list.products.get(id);
    return p && p.streamId === product.streamId && !p.checked ? p : undefined;
  };
  const above = near(command.after);
  const below = near(command.before);
  if (product.checked || (!above && !below)) return [];
  const [a, b] = [above && placeOf(above), below && placeOf(below)];
  // A second apart, as two adds a second apart stand.
  const rank =
    a !== undefined && b !== undefined ? (a + b) / 2 : a !== undefined ? a + 1000 : b! - 1000;
  if (rank === placeOf(product)) return [];
  const fits = (a === undefined || rank > a) && (b === undefined || rank < b);
  const productId = product.productId;
  if (fits) return [{ type: 'ProductPlaced', payload: { productId, rank } }];
  // Dropped so often in one gap that no number fits between (a number has ~16 digits): the
  // aisle is spaced out again, a second apart, in one change that one undo takes back.
  return respaced(product, above ?? null, below ?? null, list);
}

function respaced(
  product: Product,
  above: Product | null,
  below: Product | null,
  list: ListState,
): Draft[] {
  const aisle = categoryOf(product.name, list.categories);
  const peers = [...list.products.values()]
    .filter(
      (p) =>
        p.streamId === product.streamId &&
        !p.checked &&
        p.productId !== product.productId &&
        categoryOf(p.name, list.categories) === aisle,
    )
    .sort((x, y) => placeOf(x) - placeOf(y));
  const at = above ? peers.indexOf(above) + 1 : below ? peers.indexOf(below) : peers.length;
  const order = [...peers.slice(0, at), product, ...peers.slice(at)];
  const start = Math.min(placeOf(product), placeOf(order[0]!));
  const placed = (p: Product, i: number): Draft => ({
    type: 'ProductPlaced',
    payload: { productId: p.productId, rank: start + i * 1000 },
  });
  const others = order.flatMap((p, i) =>
    p === product || placeOf(p) === start + i * 1000 ? [] : [placed(p, i)],
  );
  // The moved product's event first: it is what the status line and the history tell.
  return [placed(product, at), ...others];
}
