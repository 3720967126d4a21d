/** The stream moved on since the state a decision was made against; decide again. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
}

/** Something a person must be told about: the message says what happened and what to do. */
export class StorageError extends Error {
  override readonly name: string = 'StorageError';
  constructor(
    message: string,
    readonly reason: 'full' | 'outdated' | 'failed' | 'conflict',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const FULL = "Your device's storage is full, so this change was not saved.";
const OUTDATED = 'Basket was updated — reload this page to keep saving.';

/** A newer Basket has written here: this build must stop writing until it is reloaded. */
export const outdated = (cause?: unknown) => new StorageError(OUTDATED, 'outdated', { cause });

interface NamedError {
  name?: string;
  message?: string;
  inner?: unknown;
}

function names(error: unknown): string[] {
  const found: string[] = [];
  for (let e = error as NamedError | undefined, depth = 0; e && depth < 5; depth += 1) {
    if (typeof e.name === 'string') found.push(e.name);
    e = (e.inner ?? (e as { cause?: unknown }).cause) as NamedError | undefined;
  }
  return found;
}

/**
 * What a failed write means to a person. Quota errors often arrive as the `inner` of an
 * AbortError, so the whole chain is searched.
 */
export function storageErrorFrom(error: unknown): Error {
  if (error instanceof ConcurrencyError || error instanceof StorageError) return error;
  const chain = names(error);
  if (chain.includes('QuotaExceededError')) return new StorageError(FULL, 'full', { cause: error });
  if (chain.some((n) => /^(DatabaseClosed|VersionChange|Version)Error$/.test(n))) {
    return outdated(error);
  }
  const detail = (error as NamedError | undefined)?.message ?? String(error);
  return new StorageError(`This change could not be saved: ${detail}`, 'failed', {
    cause: error,
  });
}
