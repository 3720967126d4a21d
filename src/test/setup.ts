import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// The tests against a real nats-server (src/sync/nats) run in Node's environment: no window.
const dom = typeof window !== 'undefined';

// jsdom has no layout, so nothing to scroll; the virtualised lists call this when measuring.
if (dom) window.scrollTo = () => {};

afterEach(() => {
  if (!dom) return;
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
