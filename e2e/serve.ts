import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { preview } from 'vite';

/**
 * The built app on a server of the test's own, so the test can stop it or change what it
 * serves: Chromium's offline switch does not cover service-worker fetches.
 */
export async function serveBuild(outDir = 'dist') {
  const server = await preview({
    build: { outDir },
    preview: { port: 0, strictPort: false },
    logLevel: 'silent',
  });
  const http = server.httpServer as Server;
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    async stop() {
      const closed = new Promise<void>((resolve, reject) =>
        http.close((error) => (error ? reject(error) : resolve())),
      );
      http.closeAllConnections();
      await closed;
    },
  };
}
