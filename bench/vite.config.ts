import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import { pageGroup } from '../scripts/page-group';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The pages, each built on its own (`--mode`), into one folder served from one origin. */
const PAGES = {
  // The harness: Basket's own modules plus raw Dexie for the baselines, seeding every database.
  harness: here('index.html'),
  // Basket booting as the app does (bench/basket.tsx).
  basket: here('basket.html'),
  // The plain React + Dexie app it is raced against (bench/peer).
  peer: here('peer.html'),
} as const;

/**
 * The benchmark's pages, built like the app but never shipped with it. Each is built alone and
 * chunked as the app's page is (vite.config.ts): built together, Basket's page would load in the
 * thirty-odd pieces it shares with the harness, and a boot would not be the app's. `npm run
 * bench` builds the harness (the default mode, which empties the folder), then the other two.
 */
export default defineConfig(({ mode }) => {
  const page = mode in PAGES ? (mode as keyof typeof PAGES) : 'harness';
  return {
    root: here('.'),
    plugins: [react()],
    // As the app's build resolves them (RxJS's ES2015 build).
    resolve: { conditions: ['es2015', ...defaultClientConditions] },
    build: {
      target: 'es2022',
      // As the app's build: no polyfill in the first chunk.
      modulePreload: { polyfill: false },
      outDir: 'dist',
      emptyOutDir: page === 'harness',
      rolldownOptions: {
        input: { [page]: PAGES[page] },
        output: { codeSplitting: { groups: [pageGroup(PAGES[page], page)] } },
      },
    },
    preview: {
      host: 'localhost',
      port: 4175,
      strictPort: true,
      // Cross-origin isolated, the page's clock ticks in 5 µs rather than 100 µs: appends take
      // about 1 ms, so a coarse clock alone would blur their ratio by a tenth.
      headers: {
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      },
    },
  };
});
