import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VirtualList, WHOLE_UP_TO } from './VirtualList';

const names = (count: number) => Array.from({ length: count }, (_, i) => `Item ${i + 1}`);

function Items({ items }: { items: readonly string[] }) {
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

describe('VirtualList', () => {
  it('draws a short list whole, each row knowing its place', () => {
    render(<Items items={names(WHOLE_UP_TO)} />);
    const rows = within(screen.getByRole('list', { name: 'Things' })).getAllByRole('listitem');
    expect(rows).toHaveLength(WHOLE_UP_TO);
    expect(rows.at(-1)).toHaveTextContent(`Item ${WHOLE_UP_TO}`);
    expect(rows.at(-1)).toHaveAttribute('aria-posinset', String(WHOLE_UP_TO));
    expect(rows[0]).toHaveAttribute('aria-setsize', String(WHOLE_UP_TO));
  });

  it('shows the top of a long list at once, in its place in the whole', () => {
    // Only the rows near the viewport stay once the windowing code is in; that needs a layout,
    // which jsdom has not, so e2e/history.spec.ts proves it in Chromium with 10,000 rows.
    const { unmount } = render(<Items items={names(10_000)} />);
    const rows = within(screen.getByRole('list', { name: 'Things' })).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Item 1');
    expect(rows[0]).toHaveAttribute('aria-setsize', '10000');
    expect(rows.length).toBeLessThan(100);
    unmount();
  });
});
