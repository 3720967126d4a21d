// Its own file, so the windowing code is not loaded yet (each test file has its own modules):
// this is a long list as it first shows at boot.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Things, things } from '../test/things';

describe('VirtualList at boot', () => {
  it('shows the top of a long list at once, in its place in the whole', () => {
    // Only the rows near the viewport stay once the windowing code is in; that needs a layout,
    // which jsdom has not, so e2e/history.spec.ts proves it in Chromium with 10,000 rows.
    const { unmount } = render(<Things items={things(10_000)} />);
    const rows = within(screen.getByRole('list', { name: 'Things' })).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Item 1');
    expect(rows[0]).toHaveAttribute('aria-setsize', '10000');
    expect(rows.length).toBeLessThan(100);
    unmount();
  });
});
