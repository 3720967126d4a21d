import type { Envelope, EventType } from '../../events';
import { actionRedone } from './action-redone';
import { actionUndone } from './action-undone';
import { aislesOrdered } from './aisles-ordered';
import { categoryChosen } from './category-chosen';
import { checkedProductsCleared } from './checked-products-cleared';
import type { Handler } from './handler';
import { listCreated } from './list-created';
import { listDeleted } from './list-deleted';
import { listRenamed } from './list-renamed';
import { listRestored } from './list-restored';
import { productAdded } from './product-added';
import { productChecked } from './product-checked';
import { productNoted } from './product-noted';
import { productPlaced } from './product-placed';
import { productPriced } from './product-priced';
import { productQuantityChanged } from './product-quantity-changed';
import { productRemoved } from './product-removed';
import { productRenamed } from './product-renamed';
import { productRestored } from './product-restored';
import { productUnchecked } from './product-unchecked';
import { productUnitChanged } from './product-unit-changed';

export type { Handler, Telling } from './handler';

/**
 * What each event means to the model, by type: one hop from a type to its rows, its undo, its
 * words and its purchases. Typed by the catalog, so a new type fails the build until it is here.
 */
export const handlers: { readonly [T in EventType]: Handler<T> } = {
  ProductAdded: productAdded,
  ProductRenamed: productRenamed,
  ProductQuantityChanged: productQuantityChanged,
  ProductPriced: productPriced,
  ProductUnitChanged: productUnitChanged,
  ProductNoted: productNoted,
  ProductPlaced: productPlaced,
  ProductChecked: productChecked,
  ProductUnchecked: productUnchecked,
  ProductRemoved: productRemoved,
  CheckedProductsCleared: checkedProductsCleared,
  ProductRestored: productRestored,
  CategoryChosen: categoryChosen,
  AislesOrdered: aislesOrdered,
  ListCreated: listCreated,
  ListRenamed: listRenamed,
  ListDeleted: listDeleted,
  ListRestored: listRestored,
  ActionUndone: actionUndone,
  ActionRedone: actionRedone,
};

/** The handler of an event's type. (The cast is TypeScript's: it cannot pair a union's members.) */
export const handlerOf = <T extends EventType>(event: Envelope<T>): Handler<T> =>
  handlers[event.type] as Handler<T>;
