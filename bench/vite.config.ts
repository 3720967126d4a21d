import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The benchmark page: Basket's own modules (the real store, bus and App) plus raw Dexie for the
 * baselines, built like the app but never shipped with it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
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
