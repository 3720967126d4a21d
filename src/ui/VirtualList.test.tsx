import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Things, things } from '../test/things';
import { FETCH_FROM, WHOLE_UP_TO } from './VirtualList';

describe('VirtualList', () => {
  it('draws a short list whole, each row knowing its place', () => {
    render(<Things items={things(WHOLE_UP_TO)} />);
    const rows = within(screen.getByRole('list', { name: 'Things' })).getAllByRole('listitem');
    expect(rows).toHaveLength(WHOLE_UP_TO);
    expect(rows.at(-1)).toHaveTextContent(`Item ${WHOLE_UP_TO}`);
    expect(rows.at(-1)).toHaveAttribute('aria-posinset', String(WHOLE_UP_TO));
    expect(rows[0]).toHaveAttribute('aria-setsize', String(WHOLE_UP_TO));
  });

  it('fetches the windowing code as a list grows, so passing the threshold shows no gap', async () => {
    const { rerender } = render(<Things items={things(FETCH_FROM + 1)} />);
    const list = () => screen.getByRole('list', { name: 'Things' });
    expect(list()).not.toHaveClass('windowed');
    expect(within(list()).getAllByRole('listitem')).toHaveLength(FETCH_FROM + 1);
    await vi.dynamicImportSettled();
    // Past the threshold the windowed list is there at once: no shorter fallback first.
    rerender(<Things items={things(WHOLE_UP_TO + 1)} />);
    expect(list()).toHaveClass('windowed');
    expect(within(list()).getAllByRole('listitem')[0]).toHaveAttribute(
      'aria-setsize',
      String(WHOLE_UP_TO + 1),
    );
  });
});
