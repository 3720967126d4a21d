import { describe, expect, it } from 'vitest';
import { ConcurrencyError, storageErrorFrom } from './errors';

const named = (name: string, inner?: unknown) => Object.assign(new Error(name), { name, inner });

describe('what a storage failure means to a person', () => {
  it.each([
    [named('QuotaExceededError'), 'full'],
    [named('AbortError', named('QuotaExceededError')), 'full'],
    [new Error('wrapped', { cause: named('QuotaExceededError') }), 'full'],
    [named('VersionError'), 'outdated'],
    [named('DatabaseClosedError'), 'outdated'],
    [named('UnknownError'), 'failed'],
  ])('%s is %s', (error, reason) => {
    expect(storageErrorFrom(error)).toMatchObject({ reason });
  });

  it('passes concurrency conflicts through for the bus to retry', () => {
    const conflict = new ConcurrencyError('moved on');
    expect(storageErrorFrom(conflict)).toBe(conflict);
  });
});
