import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/chromium';
import { firefoxDarkPrefs, firefoxPath } from './e2e/firefox';
// Runs in the runner and in every worker, before a browser starts: see the file.
import './e2e/firefox-bidi.cjs';

// E2E_PORT: another checkout's end-to-end run may hold 4173 at the same time.
const port = Number(process.env.E2E_PORT ?? 4173);
const darkMode = /in dark mode/;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    // The accessible names of DESIGN §5 are English; Chinese is tested by asking for it.
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
      },
    },
    {
      name: 'firefox',
      grepInvert: darkMode,
      // Firefox over BiDi is about twice Chromium's time per action on these machines.
      timeout: 60_000,
      use: {
        browserName: 'firefox',
        channel: 'moz-firefox',
        launchOptions: { executablePath: firefoxPath() },
      },
    },
    {
      // The same tests' dark half, in a Firefox that is dark by preference.
      name: 'firefox-dark',
      grep: darkMode,
      timeout: 60_000,
      use: {
        browserName: 'firefox',
        channel: 'moz-firefox',
        launchOptions: { executablePath: firefoxPath(), firefoxUserPrefs: firefoxDarkPrefs },
      },
    },
  ],
  // The built app, as `npm start` serves it (`npm run test:e2e` builds it first).
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
  },
});
