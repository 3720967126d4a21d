import { says, type Sentence } from '../events/sentence';

/** The stream moved on since the state a decision was made against; decide again. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
}

/**
 * Something a person must be told about: `sentence` says what happened and what to do, in
 * whatever language they read (the UI says it). `message`, for the console and a bug report, is
 * the sentence's key and parameters: the store knows no words.
 */
export class StorageError extends Error {
  override readonly name: string = 'StorageError';
  constructor(
    readonly sentence: Sentence,
    readonly reason: 'full' | 'outdated' | 'failed' | 'conflict',
    options?: ErrorOptions,
  ) {
    super(
      sentence.params ? `${sentence.key} ${JSON.stringify(sentence.params)}` : sentence.key,
      options,
    );
  }
}

/** A newer Basket has written here: this build must stop writing until it is reloaded. */
export const outdated = (cause?: unknown) =>
  new StorageError(says('outdated'), 'outdated', { cause });

/** A newer Basket upgraded the database: this build reads it, and writes nothing. */
export const newerDatabase = (cause?: unknown) =>
  new StorageError(says('newerDatabase'), 'outdated', { cause });

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
  if (chain.includes('QuotaExceededError')) {
    return new StorageError(says('storageFull'), 'full', { cause: error });
  }
  if (chain.some((n) => /^(DatabaseClosed|VersionChange|Version)Error$/.test(n))) {
    return outdated(error);
  }
  const detail = (error as NamedError | undefined)?.message ?? String(error);
  return new StorageError(says('notSaved', { detail }), 'failed', { cause: error });
}
