// `npm run sync-server`: Basket's household sync server, the real nats-server with JetStream and
// a WebSocket listener, configured from scripts/nats-config.mjs, its data in BASKET_SYNC_DIR
// (.basket-sync/ by default). Prints the ws:// address once it is ready; Ctrl+C or SIGTERM stops it.
import { relative, sep } from 'node:path';
import { FILES, settingsFromEnv } from './nats-config.mjs';
import { launchServer, logTail } from './nats-server.mjs';

let settings;
try {
  settings = settingsFromEnv();
} catch (error) {
  console.error(`sync-server: ${error.message}`);
  process.exit(2);
}

let server;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Stopped on request: a clean stop, whatever exit code nats-server gives itself (2.9.10
  // exits 1 on SIGTERM once it has shut JetStream down).
  await server.stop();
  console.log('Basket sync server stopped.');
  process.exit(0);
};
// Handled from the start, so a signal while it starts still stops the server. SIGHUP too: a
// closed terminal must not leave nats-server running (to which SIGHUP only means "reload").
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server) void stop();
    else stopping = true;
  });
}

try {
  server = await launchServer(settings);
} catch (error) {
  console.error(`sync-server: ${error.message}`);
  process.exit(1);
}
if (stopping) {
  stopping = false;
  await stop();
}

const inside = relative(process.cwd(), settings.dir);
const where = inside === '' ? '.' : inside.startsWith('..') ? settings.dir : inside;
console.log(
  `Basket sync server ready at ${server.wsUrl} (data in ${where}${sep}, log in ${where}${sep}${FILES.log}; ` +
    'Ctrl+C stops it)',
);

server.exited.then(async ({ code, signal }) => {
  // Ctrl+C signals the whole group, nats-server too, and it can be seen to exit before this
  // process has run its own handler for the same signal (CI met this once): a moment first.
  await new Promise((resolve) => setTimeout(resolve, 200));
  if (stopping) return;
  console.error(
    `sync-server: nats-server stopped on its own (${signal ?? `exit code ${code}`}):\n` +
      logTail(settings.dir),
  );
  process.exit(1);
});
