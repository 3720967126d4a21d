import { MAX_IDS_PER_EVENT, QUANTITY_MAX, type Draft } from '../events';
import { says, type Sentence } from '../events/sentence';
import { categoryOf, guessCategory } from './aisles';
import type { Command } from './commands';
import { isOpen, isRefusal, type Intent } from './intent';
import type { Product } from './product';
import type { ListState } from './read-model';
import { findByName } from './selectors';

type AddOrClear = Extract<Command, { type: 'AddProduct' | 'ClearCheckedProducts' }>;
type OneProduct = Extract<
  Command,
  { type: 'CheckProduct' | 'UncheckProduct' | 'RemoveProduct' | 'EditProduct' }
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
  const existing = findByName(list, command.streamId, name);
  if (!existing) {
    // Its id is made with its envelope (decide.ts).
    return [{ type: 'ProductAdded', payload: { productId: '', name, quantity } }];
  }
  const productId = existing.productId;
  if (existing.checked) {
    // Bought already and needed again: back onto the list with the quantity asked for now.
    const drafts: Draft[] = [{ type: 'ProductUnchecked', payload: { productId } }];
    if (existing.quantity !== quantity) {
      drafts.push({
        type: 'ProductQuantityChanged',
        payload: { productId, quantity, reason: 'added-again' },
      });
    }
    return drafts;
  }
  const raised = Math.round((existing.quantity + quantity) * 100) / 100;
  if (raised > QUANTITY_MAX) {
    return says('quantityWouldExceed', { name: existing.name, quantity: existing.quantity });
  }
  return [
    {
      type: 'ProductQuantityChanged',
      payload: { productId, quantity: raised, reason: 'added-again' },
    },
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
  return drafts;
}
