/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pageGroup } from './scripts/page-group';
import { fileURLToPath } from 'node:url';

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

/** The page, which loads src/main.tsx. */
const ENTRY = fileURLToPath(new URL('./index.html', import.meta.url));

/**
 * What the browser may load and do, sent with every response `npm start` serves (see "Hosting
 * Basket" in the README, which any other host must match). Everything is Basket's own: scripts
 * and styles are files (no inline `<script>` or `<style>`; React's style props go through the
 * CSSOM, which the policy allows), images may also be `data:` and `blob:` URLs, and connections
 * may also be WebSockets, for a household's sync server. Nothing may frame Basket, post a form or
 * embed a plugin. The dev server sends none of this: its hot reload runs inline scripts.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "manifest-src 'self'",
  "worker-src 'self'",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // A file is only ever what its Content-Type says: never sniffed into a script or a page.
  'X-Content-Type-Options': 'nosniff',
  // Basket's addresses tell no one anything, and are told to no one.
  'Referrer-Policy': 'no-referrer',
} as const;

/** The headers above on every response of `vite preview`, 404s and the app shell included. */
function securityHeaders(): Plugin {
  return {
    name: 'basket-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
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
    securityHeaders(),
  ],
  resolve: {
    // RxJS's ES2015 build: classes as classes, no tslib helpers (its default is ES5).
    conditions: ['es2015', ...defaultClientConditions],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // A browser without `modulepreload` still loads every chunk when it is imported, only without
    // the head start; the polyfill would cost every other browser its bytes in the first chunk.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The page's modules in one chunk (scripts/page-group.ts says why).
            pageGroup(ENTRY, 'index'),
          ],
        },
      },
    },
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
