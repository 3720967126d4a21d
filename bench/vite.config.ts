import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * The benchmark's pages, built like the app but never shipped with it: the harness (Basket's own
 * modules plus raw Dexie for the baselines), Basket booting as the app does, and the peer app.
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  // As the app's build resolves them (RxJS's ES2015 build).
  resolve: { conditions: ['es2015', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        harness: here('index.html'),
        basket: here('basket.html'),
        peer: here('peer.html'),
      },
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
});
