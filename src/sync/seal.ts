import { fromBase64Url } from './invite';
import { gunzip, gzip, UnzipFailed } from './seal-gzip';

/**
 * End-to-end sealing of what a device sends its household's sync server (issue 13, SYNC.md §3):
 * AES-GCM-256 through WebCrypto (`globalThis.crypto.subtle`, in browsers and Node 20 alike) with
 * the household's key from its invite link, so the server stores only ciphertext.
 *
 * A sealed message, version 1, is
 *
 *     [0x01] [IV: 12 random bytes, fresh for every message] [AES-GCM ciphertext and 16-byte tag]
 *
 * and what AES-GCM encrypts is `[format] [body]`: format 0 is the plaintext as it is, format 1
 * is the plaintext gzipped (by `CompressionStream`, where there is one and it makes the body
 * smaller; ciphertext never compresses, so it is done first). The format byte is inside the
 * ciphertext, so it is authenticated too.
 *
 * The associated data is `<subject>\n<actionId>` (UTF-8; a NATS subject has no whitespace, so
 * the two cannot be confused): a server that moves a message to another list's subject, or
 * stores it under another message id, makes it fail to open. A random 96-bit IV per message
 * keeps well inside NIST's 2³² messages per key (SP 800-38D §8.3) for any household.
 */

export const SEAL_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT_RAW = 0;
const FORMAT_GZIP = 1;
/** Version, IV, the format byte and the tag: a sealed message is never shorter. */
const MIN_SEALED = 1 + IV_BYTES + 1 + TAG_BYTES;
/**
 * The most an opened message may inflate to. A dispatch is at most 4 MiB on the wire and a
 * clear of 20,000 products is about 0.8 MB of JSON (SYNC.md §4), so this only stops a gzip bomb
 * from someone holding the key.
 */
export const MAX_OPENED_BYTES = 64 * 1024 * 1024;

export type SealProblem =
  /** The first byte is not a version this build reads (perhaps a newer Basket's). */
  | 'unknown-version'
  /** Shorter than any sealed message. */
  | 'truncated'
  /** The tag does not match: another key, another subject or id, or changed bytes. */
  | 'not-authentic'
  /** Authentic, but its body cannot be read here (bad gzip, an unknown format, too large). */
  | 'unreadable';

/** A sealed message that cannot be opened: why is in `problem`, and in the message in words. */
export class SealBroken extends Error {
  override readonly name = 'SealBroken';
  constructor(
    readonly problem: SealProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The household's AES-GCM-256 key from its invite's base64url text; it cannot be exported. */
export async function importSealKey(base64url: string): Promise<CryptoKey> {
  if (!globalThis.crypto?.subtle) {
    // Browsers offer WebCrypto to secure contexts only: https://, or http://localhost.
    throw new Error('sealing needs WebCrypto, which a page has only over https or on localhost');
  }
  const bytes = fromBase64Url(base64url);
  if (bytes?.length !== KEY_BYTES) {
    throw new Error(`a household key is ${KEY_BYTES} bytes of base64url`);
  }
  return globalThis.crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
}

const utf8 = new TextEncoder();
const associated = (subject: string, actionId: string) => utf8.encode(`${subject}\n${actionId}`);

/** Seals `plaintext` for `subject` under the message id `actionId`. */
export async function seal(
  key: CryptoKey,
  subject: string,
  actionId: string,
  plaintext: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const gzipped = await gzip(plaintext);
  const useGzip = gzipped !== undefined && gzipped.length < plaintext.length;
  const body = useGzip ? gzipped : plaintext;
  const inner = new Uint8Array(1 + body.length);
  inner[0] = useGzip ? FORMAT_GZIP : FORMAT_RAW;
  inner.set(body, 1);

  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associated(subject, actionId), tagLength: 128 },
    key,
    inner,
  );
  const sealed = new Uint8Array(1 + IV_BYTES + ciphertext.byteLength);
  sealed[0] = SEAL_VERSION;
  sealed.set(iv, 1);
  sealed.set(new Uint8Array(ciphertext), 1 + IV_BYTES);
  return sealed;
}

/**
 * Opens what `seal` made for this subject and id. Throws `SealBroken` for a wrong key, another
 * subject or id, changed or missing bytes, an unknown version, or a body that cannot be read.
 */
export async function open(
  key: CryptoKey,
  subject: string,
  actionId: string,
  sealed: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.length === 0) throw new SealBroken('truncated', 'the sealed message is empty');
  if (sealed[0] !== SEAL_VERSION) {
    throw new SealBroken(
      'unknown-version',
      `the sealed message has version ${sealed[0]}, and this build reads version ${SEAL_VERSION}`,
    );
  }
  if (sealed.length < MIN_SEALED) {
    throw new SealBroken(
      'truncated',
      `the sealed message is ${sealed.length} bytes, shorter than any (${MIN_SEALED})`,
    );
  }
  let inner: Uint8Array<ArrayBuffer>;
  try {
    inner = new Uint8Array(
      await globalThis.crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: sealed.slice(1, 1 + IV_BYTES),
          additionalData: associated(subject, actionId),
          tagLength: 128,
        },
        key,
        sealed.slice(1 + IV_BYTES),
      ),
    );
  } catch (error) {
    throw new SealBroken(
      'not-authentic',
      'the sealed message does not open: another key, another subject or id, or changed bytes',
      { cause: error },
    );
  }
  const body = inner.subarray(1);
  switch (inner[0]) {
    case FORMAT_RAW:
      return inner.slice(1);
    case FORMAT_GZIP:
      try {
        return await gunzip(body, MAX_OPENED_BYTES);
      } catch (error) {
        if (!(error instanceof UnzipFailed)) throw error;
        throw new SealBroken('unreadable', error.message, { cause: error });
      }
    default:
      throw new SealBroken('unreadable', `the sealed body has an unknown format ${inner[0]}`);
  }
}
