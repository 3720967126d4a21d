/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The shell that decides which version runs (index.html, the service worker, the manifest) must
 * always be revalidated; hashed assets never change, so they can be cached for a year.
 */
function cacheHeaders(): Plugin {
  const revalidate = /^\/(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest)?(\?.*)?$/;
  return {
    name: 'basket-cache-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '/';
        if (revalidate.test(url) || !url.includes('.')) {
          res.setHeader('Cache-Control', 'no-cache');
        } else if (url.startsWith('/assets/')) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Prompt, never auto-update: a silent reload could lose what someone is typing.
      registerType: 'prompt',
      // The manifest lives in public/ as a plain file.
      manifest: false,
      includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png', 'robots.txt'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
    cacheHeaders(),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    host: 'localhost',
    port: 4173,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
