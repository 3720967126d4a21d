import { DEFAULT_STREAM, type BasketEvent } from '../src/events';
import { createJetStreamBackend } from '../src/sync/jetstream';
import type { NatsHarness, TestHousehold } from '../src/sync/nats/harness';

const WORDS = ['milk', 'bread', 'apples', 'rice', 'soap', 'coffee', 'cheese', 'pasta'];
const AT = Date.UTC(2025, 0, 1);
/** Pushes in flight at once: the order they land in is the household's order, as any is. */
const IN_FLIGHT = 64;

/**
 * Puts `count` adds on the household's stream as another device of it would have: one sealed
 * dispatch per add, through Basket's own JetStream backend (src/sync/jetstream.ts), over TCP as
 * the household's browser user. How long it took is kept, not compared.
 */
export async function seedStream(harness: NatsHarness, household: TestHousehold, count: number) {
  const nc = await harness.connectBrowser(household);
  const backend = createJetStreamBackend({
    connection: nc,
    household: household.id,
    key: household.key,
  });
  const t = performance.now();
  let next = 0;
  let last = 0;
  const pusher = async () => {
    while (next < count) {
      const n = next++;
      const event: BasketEvent = {
        id: `seed-${n}`,
        type: 'ProductAdded',
        v: 2,
        at: AT + n * 1000,
        streamId: DEFAULT_STREAM,
        streamVersion: n + 1,
        payload: {
          productId: `seed${n}`,
          name: `${WORDS[n % WORDS.length]} ${String(n).padStart(5, '0')}`,
          quantity: 1,
          unit: null,
        },
      };
      const ack = await backend.push({
        actionId: event.id,
        deviceId: 'Seeding device',
        streamId: DEFAULT_STREAM,
        events: [event],
      });
      if (ack.duplicate) throw new Error(`the server had ${event.id} already`);
      last = Math.max(last, ack.serverSeq);
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, pusher));
  } finally {
    await backend.close();
    await nc.close();
  }
  if (last !== count) throw new Error(`the stream ends at ${last}, not ${count}`);
  return { count, ms: performance.now() - t };
}
