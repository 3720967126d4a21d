import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GripVertical } from 'lucide-react';
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Category } from '../../events';
import { useBasket, useBasketState } from '../../bus';
import { shoppingView, type Aisle } from '../../model';
import { useI18n } from '../../i18n';

/** What a draggable id names: an aisle, or a product in one. */
type Item =
  { kind: 'aisle'; category: Category } | { kind: 'product'; category: Category; name: string };

const aisleId = (category: Category) => `aisle:${category}`;

/**
 * The list's aisles, and the products still to buy in each, to be dragged into the order the
 * person walks the shop: by pointer or touch on a handle, or by keyboard (Space picks up, the
 * arrow keys move, Space drops, Escape puts back), each drop one undoable change.
 */
export default function ReorderSheet({ onClose }: { onClose(): void }) {
  const basket = useBasket();
  const { t, category: aisleName } = useI18n();
  const list = useBasketState((s) => s.list);
  const streamId = useBasketState((s) => s.currentList);
  const aisles = useMemo(() => shoppingView(list, streamId, '').aisles, [list, streamId]);
  const items = useMemo(() => {
    const map = new Map<UniqueIdentifier, Item>();
    for (const { category, products } of aisles) {
      map.set(aisleId(category), { kind: 'aisle', category });
      for (const p of products) map.set(p.productId, { kind: 'product', category, name: p.name });
    }
    return map;
  }, [aisles]);
  const [dragging, setDragging] = useState(false);
  const sheet = useRef<HTMLDialogElement>(null);
  // dnd-kit's announcements live inside the dialog: outside a modal one they would be inert.
  const [box, setBox] = useState<HTMLDialogElement | null>(null);

  useLayoutEffect(() => {
    const dialog = sheet.current;
    if (!dialog) return;
    // A modal dialog makes the rest of the page inert, so Tab stays in the sheet.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    setBox(dialog);
    // The first handle, so the keyboard can start dragging at once; Done when there is none.
    const first = (selector: string) => dialog.querySelector<HTMLElement>(selector);
    (first('.drag-handle') ?? first('.done'))?.focus();
  }, []);

  // A product lands among its own aisle's products, an aisle among aisles: nothing else is near.
  const near = (moving: UniqueIdentifier, id: UniqueIdentifier) => {
    const from = items.get(moving);
    const there = items.get(id);
    return (
      there?.kind === from?.kind && (there?.kind === 'aisle' || there?.category === from?.category)
    );
  };
  const sameKind: CollisionDetection = (args) =>
    closestCenter({
      ...args,
      droppableContainers: args.droppableContainers.filter((c) => near(args.active.id, c.id)),
    });
  // The arrow keys step to the next place of the same kind, so one press moves an aisle past one
  // aisle. Given every droppable, dnd-kit's own step could land on a product row inside the aisle
  // above, where the held aisle is still nearest itself, and the press would seem to do nothing.
  const sameKindKeys: KeyboardCoordinateGetter = (event, args) => {
    const all = args.context.droppableContainers;
    // dnd-kit's own map of droppables (its class is not exported), holding only those.
    const Same = all.constructor as new (
      entries: Iterable<[UniqueIdentifier, unknown]>,
    ) => typeof all;
    const only = new Same([...all].filter(([id]) => near(args.active, id)));
    return sortableKeyboardCoordinates(event, {
      ...args,
      context: { ...args.context, droppableContainers: only },
    });
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sameKindKeys }),
  );

  const named = (id: UniqueIdentifier) => {
    const item = items.get(id);
    return item?.kind === 'product' ? item.name : item ? aisleName(item.category) : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dragPicked', { name: named(active.id) }),
    // Over its own place (as it is picked up) is no news: "Picked up" stays the last word.
    onDragOver: ({ active, over }) =>
      over && over.id !== active.id
        ? t('dragOver', { name: named(active.id), over: named(over.id) })
        : undefined,
    onDragEnd: ({ active }) => t('dragDropped', { name: named(active.id) }),
    onDragCancel: ({ active }) => t('dragCancelled', { name: named(active.id) }),
  };

  function dropped({ active, over }: DragEndEvent) {
    setDragging(false);
    const item = items.get(active.id);
    if (!item || !over || over.id === active.id) return;
    if (item.kind === 'aisle') {
      const order = aisles.map((a) => aisleId(a.category));
      const moved = arrayMove(
        order,
        order.indexOf(String(active.id)),
        order.indexOf(String(over.id)),
      );
      const at = moved.indexOf(String(active.id));
      const above = at > 0 ? items.get(moved[at - 1]!) : undefined;
      void basket.dispatch({
        type: 'PlaceAisle',
        streamId,
        category: item.category,
        after: above?.category ?? null,
      });
      return;
    }
    const ids = aisles.find((a) => a.category === item.category)?.products.map((p) => p.productId);
    if (!ids) return;
    const moved = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    const at = moved.indexOf(String(active.id));
    void basket.dispatch({
      type: 'MoveProduct',
      productId: String(active.id),
      after: moved[at - 1] ?? null,
      before: moved[at + 1] ?? null,
    });
  }

  return (
    <dialog
      ref={sheet}
      className="reorder-sheet"
      aria-labelledby="reorder-title"
      // A tap on the backdrop (the dialog itself, outside its content) closes it, as Done does.
      onClick={(e) => e.target === e.currentTarget && onClose()}
      onCancel={(e) => {
        // While something is held, Escape puts it back (dnd-kit); only then does it close.
        e.preventDefault();
        if (!dragging) onClose();
      }}
      onKeyDown={(e) => {
        // Where the browser sends no cancel for Escape (jsdom), the key itself closes it.
        if (e.key === 'Escape' && !dragging && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="reorder-content">
        <header className="reorder-header">
          <h2 id="reorder-title">{t('reorderTitle')}</h2>
          <button type="button" className="primary done" onClick={onClose}>
            {t('done')}
          </button>
        </header>
        <p className="reorder-hint">{t('reorderHint')}</p>
        {aisles.length === 0 ? (
          <p className="empty">{t('reorderNothing')}</p>
        ) : (
          <DndContext
            sensors={sensors}
            collisionDetection={sameKind}
            accessibility={{
              ...(box ? { container: box } : {}),
              announcements,
              screenReaderInstructions: { draggable: t('dragInstructions') },
            }}
            onDragStart={() => setDragging(true)}
            onDragCancel={() => setDragging(false)}
            onDragEnd={dropped}
          >
            <SortableContext
              items={aisles.map((a) => aisleId(a.category))}
              strategy={verticalListSortingStrategy}
            >
              <ol role="list" className="reorder-aisles" aria-label={t('aisles')}>
                {aisles.map((aisle) => (
                  <AisleBlock key={aisle.category} aisle={aisle} />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        )}
      </div>
    </dialog>
  );
}

function AisleBlock({ aisle }: { aisle: Aisle }) {
  const { t, category: aisleName } = useI18n();
  const name = aisleName(aisle.category);
  return (
    <Sortable
      id={aisleId(aisle.category)}
      label={t('dragThis', { name })}
      className="reorder-aisle"
      head={<h3>{name}</h3>}
    >
      <SortableContext
        items={aisle.products.map((p) => p.productId)}
        strategy={verticalListSortingStrategy}
      >
        <ol role="list" className="reorder-products" aria-label={name}>
          {aisle.products.map((p) => (
            <Sortable
              key={p.productId}
              id={p.productId}
              label={t('dragThis', { name: p.name })}
              className="reorder-product"
              head={<span className="reorder-name">{p.name}</span>}
            />
          ))}
        </ol>
      </SortableContext>
    </Sortable>
  );
}

interface SortableProps {
  id: string;
  label: string;
  className: string;
  /** Beside the handle: what is moved. */
  head: ReactNode;
  /** Under it, moving with it (an aisle's products). */
  children?: ReactNode;
}

/** One list item that moves, with the handle that moves it. */
function Sortable({ id, label, className, head, children }: SortableProps) {
  const sortable = useSortable({ id });
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } =
    sortable;
  const { isDragging } = sortable;
  return (
    <li
      ref={setNodeRef}
      className={isDragging ? `${className} dragging` : className}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div className="reorder-row">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="drag-handle"
          {...attributes}
          {...listeners}
          aria-label={label}
        >
          <GripVertical aria-hidden size={20} />
        </button>
        {head}
      </div>
      {children}
    </li>
  );
}
