import { DEFAULT_STREAM } from '../events';
import { says } from '../events/sentence';
import { groupByAisle, moveAisle } from './aisles';
import type { Command } from './commands';
import type { Intent } from './intent';
import { aislesOf, openLists } from './lists';
import type { ListState } from './read-model';

type ListCommand = Extract<Command, { type: 'RenameList' | 'DeleteList' | 'MoveAisle' }>;

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
    case 'MoveAisle': {
      const now = aislesOf(list.lists, streamId);
      const order = moveAisle(now, command.category, command.direction, aislesToBuy(list, command));
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
