// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { toBase64Url } from './invite';
import { importSealKey, open, seal, SealBroken, SEAL_VERSION, type SealProblem } from './seal';

const text = (s: string) => new TextEncoder().encode(s);
const read = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const newKey = () => importSealKey(toBase64Url(crypto.getRandomValues(new Uint8Array(32))));

const subject = 'basket.h1abcdefgh.groceries';
const id = 'action-1';
const dispatch = JSON.stringify({
  deviceId: 'anna',
  streamId: 'list:groceries',
  events: Array.from({ length: 20 }, (_, i) => ({ type: 'ProductAdded', name: `Oat milk ${i}` })),
});

async function brokenBy(promise: Promise<unknown>): Promise<SealProblem> {
  const error = await promise.then(
    () => new Error('it opened'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SealBroken);
  return (error as SealBroken).problem;
}

describe('sealing a dispatch for the household', () => {
  it('opens again to the same bytes, with the same key, subject and id', async () => {
    const key = await newKey();
    const sealed = await seal(key, subject, id, text(dispatch));
    expect(sealed[0]).toBe(SEAL_VERSION);
    expect(read(await open(key, subject, id, sealed))).toBe(dispatch);
  });

  it('holds no plaintext, and compresses what compresses before encrypting', async () => {
    const key = await newKey();
    const sealed = await seal(key, subject, id, text(dispatch));
    expect(Buffer.from(sealed).includes('Oat milk')).toBe(false);
    expect(sealed.length).toBeLessThan(dispatch.length / 2);
  });

  it('seals one plaintext differently every time (a fresh IV per message)', async () => {
    const key = await newKey();
    const one = await seal(key, subject, id, text(dispatch));
    const two = await seal(key, subject, id, text(dispatch));
    expect(Buffer.from(one.subarray(1, 13)).equals(Buffer.from(two.subarray(1, 13)))).toBe(false);
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(false);
  });

  it('keeps what gzip would not shrink, and an empty body, as it is', async () => {
    const key = await newKey();
    const noise = crypto.getRandomValues(new Uint8Array(4096));
    const sealed = await seal(key, subject, id, noise);
    // version + IV + format byte + tag: nothing added by gzip.
    expect(sealed.length).toBe(1 + 12 + 1 + 16 + noise.length);
    expect(Buffer.from(await open(key, subject, id, sealed)).equals(Buffer.from(noise))).toBe(true);
    expect(
      (await open(key, subject, id, await seal(key, subject, id, new Uint8Array()))).length,
    ).toBe(0);
  });

  it('seals uncompressed where there is no CompressionStream, and another runtime opens it', async () => {
    const key = await newKey();
    vi.stubGlobal('CompressionStream', undefined);
    const plain = await seal(key, subject, id, text(dispatch));
    vi.unstubAllGlobals();
    expect(plain.length).toBe(1 + 12 + 1 + 16 + text(dispatch).length);
    expect(read(await open(key, subject, id, plain))).toBe(dispatch);

    // A small body opens without DecompressionStream; one that could inflate past the cap needs it.
    const zipped = await seal(key, subject, id, text(dispatch));
    const noise = () => toBase64Url(crypto.getRandomValues(new Uint8Array(60_000)));
    const large = text(noise() + noise());
    const zippedLarge = await seal(key, subject, id, large);
    vi.stubGlobal('DecompressionStream', undefined);
    expect(read(await open(key, subject, id, zipped))).toBe(dispatch);
    expect(await brokenBy(open(key, subject, id, zippedLarge))).toBe('unreadable');
    vi.unstubAllGlobals();
    expect(Buffer.from(await open(key, subject, id, zippedLarge)).equals(Buffer.from(large))).toBe(
      true,
    );
  });

  it('refuses an authentic body that is not the gzip it says (a CRC, length or stream wrong)', async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const key = await importSealKey(toBase64Url(raw));
    const sealed = await seal(key, subject, id, text(dispatch));
    const zipped = new Uint8Array(gzipSync(text(dispatch)));
    const cases = [
      zipped.slice(0, -8), // no trailer
      zipped.slice(0, 20), // the stream cut short
      Object.assign(zipped.slice(), { [zipped.length - 8]: zipped[zipped.length - 8]! ^ 1 }), // CRC
      Object.assign(zipped.slice(), { [zipped.length - 4]: zipped[zipped.length - 4]! ^ 1 }), // size
      text('not gzip at all, not even close to it'),
    ];
    expect(read(await open(key, subject, id, sealed))).toBe(dispatch);
    for (const body of cases) {
      const forged = await sealFormat(raw, 1, body);
      expect(await brokenBy(open(key, subject, id, forged))).toBe('unreadable');
    }
    expect(read(await open(key, subject, id, await sealFormat(raw, 1, zipped)))).toBe(dispatch);
  });
});

/** A message sealed as `seal` would, with whatever format byte and body a test wants. */
async function sealFormat(raw: Uint8Array<ArrayBuffer>, format: number, body: Uint8Array) {
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const inner = new Uint8Array([format, ...body]);
  const additionalData = text(`${subject}\n${id}`);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, inner);
  return new Uint8Array([SEAL_VERSION, ...iv, ...new Uint8Array(ct)]);
}

describe('a sealed message that was tampered with does not open', () => {
  it('under another key', async () => {
    const sealed = await seal(await newKey(), subject, id, text(dispatch));
    expect(await brokenBy(open(await newKey(), subject, id, sealed))).toBe('not-authentic');
  });

  it('moved to another list’s subject', async () => {
    const key = await newKey();
    const sealed = await seal(key, subject, id, text(dispatch));
    const moved = 'basket.h1abcdefgh.other-list';
    expect(await brokenBy(open(key, moved, id, sealed))).toBe('not-authentic');
  });

  it('stored under another message id (a replay as another action)', async () => {
    const key = await newKey();
    const sealed = await seal(key, subject, id, text(dispatch));
    expect(await brokenBy(open(key, subject, 'action-2', sealed))).toBe('not-authentic');
    // The subject and id are kept apart: moving a character from one to the other fails too.
    const joined = await seal(key, 'basket.h.a', 'b', text(dispatch));
    expect(await brokenBy(open(key, 'basket.h', 'a\nb', joined))).toBe('not-authentic');
  });

  it('with any byte changed, or cut short', async () => {
    const key = await newKey();
    const sealed = await seal(key, subject, id, text(dispatch));
    for (const at of [1, 12, 13, sealed.length - 1]) {
      const changed = sealed.slice();
      changed[at]! ^= 0x01;
      expect(await brokenBy(open(key, subject, id, changed))).toBe('not-authentic');
    }
    expect(await brokenBy(open(key, subject, id, sealed.slice(0, -1)))).toBe('not-authentic');
    expect(await brokenBy(open(key, subject, id, sealed.slice(0, 20)))).toBe('truncated');
    expect(await brokenBy(open(key, subject, id, new Uint8Array()))).toBe('truncated');
  });

  it('with a version this build does not read', async () => {
    const key = await newKey();
    const sealed = await seal(key, subject, id, text(dispatch));
    sealed[0] = 2;
    const problem = brokenBy(open(key, subject, id, sealed));
    expect(await problem).toBe('unknown-version');
    await expect(open(key, subject, id, sealed)).rejects.toThrow(/version 2/);
  });

  it('random bytes, as a garbled message would be', async () => {
    const key = await newKey();
    const garbled = crypto.getRandomValues(new Uint8Array(200));
    garbled[0] = SEAL_VERSION;
    expect(await brokenBy(open(key, subject, id, garbled))).toBe('not-authentic');
  });
});

describe('the household key', () => {
  it('is 32 bytes of base64url, as the invite holds it', async () => {
    await expect(importSealKey('too-short')).rejects.toThrow(/32 bytes/);
    await expect(importSealKey('not base64url!')).rejects.toThrow(/32 bytes/);
    const key = await newKey();
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
  });
});
