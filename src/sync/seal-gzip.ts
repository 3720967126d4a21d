import { gunzipSync } from 'fflate';

/**
 * The gzip inside a sealed message (seal.ts). Sealing uses `CompressionStream`; opening a small
 * body uses fflate's inflate on the main thread, because creating a `DecompressionStream` costs
 * about a quarter of a millisecond, far more than inflating a dispatch of a few hundred bytes
 * (a device catching up on 10,000 of them spent seconds constructing streams). A body that could
 * inflate past the cap (DEFLATE expands at most 1032-fold) goes through `DecompressionStream`,
 * which stops as soon as the cap is passed.
 */

/** Why a gzipped body cannot be read: seal.ts says so as a `SealBroken` 'unreadable'. */
export class UnzipFailed extends Error {
  override readonly name = 'UnzipFailed';
}

/** DEFLATE's largest expansion: 258 bytes out for every 2 bits in. */
const MAX_RATIO = 1032;

/** The gzip of `bytes`, or undefined where this runtime has no CompressionStream. */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (typeof globalThis.CompressionStream !== 'function') return undefined;
  return pipe(bytes, new CompressionStream('gzip'), Number.POSITIVE_INFINITY);
}

/** The bytes `gzip` made, refusing more than `cap` of them; throws `UnzipFailed`. */
export async function gunzip(bytes: Uint8Array, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  if (bytes.length * MAX_RATIO <= cap) return inflateSmall(bytes);
  if (typeof globalThis.DecompressionStream !== 'function') {
    throw new UnzipFailed('the sealed body is gzipped, and this runtime cannot unzip');
  }
  try {
    return await pipe(bytes, new DecompressionStream('gzip'), cap);
  } catch (error) {
    if (error instanceof UnzipFailed) throw error;
    throw new UnzipFailed('the sealed body is not valid gzip', { cause: error });
  }
}

/**
 * A gzip member small enough that it cannot inflate past the cap. fflate writes into a buffer
 * of the size the trailer states and checks no CRC, so both are checked here, as a
 * `DecompressionStream` would: a body that inflates to other bytes than its trailer says is
 * refused.
 */
function inflateSmall(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const n = bytes.length;
  if (n < 18) throw new UnzipFailed('the sealed body is not valid gzip');
  const word = (at: number) =>
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
  let out: Uint8Array;
  try {
    out = gunzipSync(bytes);
  } catch (error) {
    throw new UnzipFailed('the sealed body is not valid gzip', { cause: error });
  }
  if (out.length !== word(n - 4) || crc32(out) !== word(n - 8)) {
    throw new UnzipFailed('the sealed body is not valid gzip');
  }
  return out as Uint8Array<ArrayBuffer>;
}

let table: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let i = 0; i < 256; i += 1) {
      let c = i;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[i] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Runs `bytes` through a (de)compression stream, refusing output longer than `cap`. */
async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  cap: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  const written = writer.write(new Uint8Array(bytes)).then(() => writer.close());
  // Awaited below; until then a failure must not be reported as unhandled.
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw new UnzipFailed(`the sealed body opens to more than ${cap} bytes`);
    }
    chunks.push(value);
  }
  await written;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
