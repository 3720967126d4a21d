import { DEFAULT_STREAM, type Category } from '../events';
import { says } from '../events/sentence';
import { groupByAisle, moveAisle } from './aisles';
import type { Command } from './commands';
import type { Intent } from './intent';
import { aislesOf, openLists } from './lists';
import type { ListState } from './read-model';

type ListCommand = Extract<
  Command,
  { type: 'RenameList' | 'DeleteList' | 'MoveAisle' | 'PlaceAisle' }
>;

/** Commands about a list as a whole: its name, whether it is kept, its aisle order. */
export function decideList(command: ListCommand, list: ListState): Intent {
  const { streamId } = command;
  const open = openLists(list.lists, list.versions, DEFAULT_STREAM);
  const current = open.find((l) => l.streamId === streamId);
  if (!current) return says('listGone');
  switch (command.type) {
    case 'RenameList':
      return {
        streamId,
        drafts:
          command.name === current.name
            ? []
            : [{ type: 'ListRenamed', payload: { name: command.name } }],
      };
    case 'DeleteList':
      if (open.length === 1) return says('keepOneList');
      return { streamId, drafts: [{ type: 'ListDeleted', payload: {} }] };
    case 'MoveAisle':
    case 'PlaceAisle': {
      const now = aislesOf(list.lists, streamId);
      const order =
        command.type === 'MoveAisle'
          ? moveAisle(now, command.category, command.direction, aislesToBuy(list, command))
          : placeAisle(now, command.category, command.after);
      if (order.every((c, i) => c === now[i])) return { streamId, drafts: [] };
      return { streamId, drafts: [{ type: 'AislesOrdered', payload: { order } }] };
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The aisles of the list that have something to buy: those on screen, which a move steps past. */
function aislesToBuy(list: ListState, { streamId }: ListCommand) {
  const toBuy = [...list.products.values()].filter((p) => p.streamId === streamId && !p.checked);
  return groupByAisle(toBuy, list.categories, aislesOf(list.lists, streamId)).map(
    (a) => a.category,
  );
}

/** `order` with `category` moved to stand right after `after` (first when `after` is null). */
function placeAisle(order: readonly Category[], category: Category, after: Category | null) {
  if (after === category) return [...order];
  const rest = order.filter((c) => c !== category);
  const at = after === null ? 0 : rest.indexOf(after) + 1;
  if (after !== null && at === 0) return [...order];
  return [...rest.slice(0, at), category, ...rest.slice(at)];
}
