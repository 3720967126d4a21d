import { describe, expect, it } from 'vitest';
import type { BasketEvent } from '../events';
import { SyncUnreachable, type SyncAction, type SyncBackend } from './port';

/** What a backend's test harness gives the contract: devices on one household's server. */
export interface SyncHarness {
  connect(deviceId: string): Promise<SyncBackend>;
  /** Makes the server unreachable for `backend` (stops the server, or cuts this connection). */
  cutOff(backend: SyncBackend): Promise<void>;
  restore(backend: SyncBackend): Promise<void>;
}

let made = 0;

/** One dispatch of `count` events on a list, as a device would push it. */
export function action(deviceId: string, count = 1, streamId = 'list:default'): SyncAction {
  made += 1;
  const actionId = `${deviceId}-a${made}`;
  const events = Array.from({ length: count }, (_, i): BasketEvent => ({
    id: i === 0 ? actionId : `${actionId}-e${i}`,
    type: 'ProductAdded',
    v: 2,
    at: Date.UTC(2026, 11, 1) + made,
    streamId,
    streamVersion: i + 1,
    ...(i === 0 ? {} : { action: actionId }),
    payload: {
      productId: `${actionId}-p${i}`,
      name: `Thing ${made}.${i}`,
      quantity: 1,
      unit: null,
    },
  }));
  return { actionId, deviceId, streamId, events };
}

/**
 * The contract every sync backend keeps, whatever carries it: one total order, a push that is
 * never doubled, pulls from a cursor, and honest failure when the server cannot be reached.
 */
export function syncContract(name: string, harness: () => Promise<SyncHarness>) {
  describe(`sync backend contract: ${name}`, () => {
    it('gives pushed actions one order, and pulls them back whole after any cursor', async () => {
      const h = await harness();
      const anna = await h.connect('anna');
      const ben = await h.connect('ben');
      const first = action('anna', 3);
      const second = action('ben');
      const third = action('anna');
      const a = await anna.push(first);
      const b = await ben.push(second);
      const c = await anna.push(third);
      expect([a.duplicate, b.duplicate, c.duplicate]).toEqual([false, false, false]);
      expect(b.serverSeq).toBeGreaterThan(a.serverSeq);
      expect(c.serverSeq).toBeGreaterThan(b.serverSeq);

      const all = await ben.pull(0);
      expect(all.map((m) => m.actionId)).toEqual([first, second, third].map((x) => x.actionId));
      expect(all.map((m) => m.serverSeq)).toEqual([a.serverSeq, b.serverSeq, c.serverSeq]);
      expect(all[0]).toMatchObject({ deviceId: 'anna', streamId: 'list:default' });
      expect(all[0]!.events).toEqual(first.events);
      const after = await anna.pull(a.serverSeq);
      expect(after.map((m) => m.actionId)).toEqual([second.actionId, third.actionId]);
      expect(await anna.pull(c.serverSeq)).toEqual([]);
      await Promise.all([anna.close(), ben.close()]);
    });

    it('keeps an action pushed twice (a retry after a lost answer) once, where it first went', async () => {
      const h = await harness();
      const anna = await h.connect('anna');
      const milk = action('anna');
      const first = await anna.push(milk);
      await anna.push(action('anna'));
      const again = await anna.push(milk);
      expect(again).toEqual({ serverSeq: first.serverSeq, duplicate: true });
      const all = await anna.pull(0);
      expect(all.filter((m) => m.actionId === milk.actionId)).toHaveLength(1);
      await anna.close();
    });

    it('pulls at most the limit asked for, in order', async () => {
      const h = await harness();
      const anna = await h.connect('anna');
      for (let i = 0; i < 5; i += 1) await anna.push(action('anna'));
      const some = await anna.pull(0, 2);
      expect(some).toHaveLength(2);
      const rest = await anna.pull(some.at(-1)!.serverSeq, 10);
      expect(rest).toHaveLength(3);
      await anna.close();
    });

    it('tells a listening device that there is news', async () => {
      const h = await harness();
      const anna = await h.connect('anna');
      const ben = await h.connect('ben');
      let told = 0;
      const stop = ben.onNews(() => (told += 1));
      await anna.push(action('anna'));
      await expect.poll(() => told, { timeout: 5000 }).toBeGreaterThan(0);
      stop();
      await Promise.all([anna.close(), ben.close()]);
    });

    it('says when the server cannot be reached, loses nothing, and carries on once it can', async () => {
      const h = await harness();
      const anna = await h.connect('anna');
      const before = action('anna');
      await anna.push(before);
      await h.cutOff(anna);
      await expect.poll(() => anna.status(), { timeout: 10_000 }).toBe('offline');
      await expect(anna.push(action('anna'))).rejects.toBeInstanceOf(SyncUnreachable);
      await expect(anna.pull(0)).rejects.toBeInstanceOf(SyncUnreachable);
      await h.restore(anna);
      await expect.poll(() => anna.status(), { timeout: 10_000 }).toBe('online');
      const after = action('anna');
      await anna.push(after);
      const all = await anna.pull(0);
      expect(all.map((m) => m.actionId)).toEqual([before.actionId, after.actionId]);
      await anna.close();
    });
  });
}
