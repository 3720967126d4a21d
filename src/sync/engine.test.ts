import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM } from '../events';
import { invalid } from './engine';
import type { ConfirmedAction } from './port';

describe('an action from the wire that cannot be applied says why', () => {
  const unreadable = (why: string): ConfirmedAction => ({
    actionId: 'garbled-1',
    deviceId: '',
    streamId: DEFAULT_STREAM,
    events: [],
    serverSeq: 2,
    unreadable: why,
  });

  it('in the backend’s words when the message could not be read at all, not as "no events"', () => {
    const why =
      'the sealed message does not open: another key, another subject or id, or changed bytes';
    expect(invalid(unreadable(why))).toBe(why);
    expect(invalid(unreadable('a message with no id'))).toBe('a message with no id');
  });

  it('as an action with no events when it was read and holds none', () => {
    const { unreadable: _why, ...read } = unreadable('');
    expect(invalid(read)).toBe('an action with no events');
  });
});
