import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';

/** `npm run bench`: one long run in the system Chromium against the built benchmark page. */
export default defineConfig({
  testDir: '.',
  testMatch: 'bench.spec.ts',
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 15 * 60_000,
  use: {
    baseURL: 'http://localhost:4175',
    browserName: 'chromium',
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...chromiumArgs, '--enable-precise-memory-info'],
    },
  },
  webServer: {
    // Runs in this folder, beside its config.
    command: 'npx vite preview --config vite.config.ts',
    url: 'http://localhost:4175',
    reuseExistingServer: false,
  },
});
