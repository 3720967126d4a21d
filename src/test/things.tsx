import { VirtualList } from '../ui/VirtualList';

/** `Item 1` … `Item count`. */
export const things = (count: number) => Array.from({ length: count }, (_, i) => `Item ${i + 1}`);

/** A VirtualList of plain rows, labelled "Things". */
export function Things({ items }: { items: readonly string[] }) {
  return (
    <VirtualList
      items={items}
      label="Things"
      className="things"
      itemKey={(item) => item}
      estimateSize={() => 52}
    >
      {(item) => <span>{item}</span>}
    </VirtualList>
  );
}
