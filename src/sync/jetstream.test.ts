// @vitest-environment node
/**
 * The JetStream backend's pure parts: list subjects, and which client errors mean "the server
 * cannot be reached" (the outbox stays pending) and which do not. Against the real server:
 * src/sync/nats/jetstream.test.ts.
 */
import { JetStreamApiError, JetStreamError } from '@nats-io/jetstream';
import {
  ClosedConnectionError,
  ConnectionError,
  DrainingConnectionError,
  InvalidArgumentError,
  NoRespondersError,
  PermissionViolationError,
  RequestError,
  TimeoutError,
} from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { isUnreachable, listToken, streamIdOfToken, subjectOf } from './jetstream';
import { SyncUnreachable } from './port';

describe('a list’s subject', () => {
  it('is the list’s own id when that is already a subject token (a UUID)', () => {
    const id = 'list:0b6e4a0e-3f7c-4b8e-9d61-2f2d7f1c9a10';
    expect(subjectOf('h1abcdefgh', id)).toBe(
      'basket.h1abcdefgh.0b6e4a0e-3f7c-4b8e-9d61-2f2d7f1c9a10',
    );
    expect(listToken('list:default')).toBe('default');
    expect(streamIdOfToken('default')).toBe('list:default');
  });

  it('is `_` and base64url for any other id, using only letters, digits, `-` and `_`', () => {
    for (const id of ['list:with_underscore', 'list:a.b', 'list:', 'list:Café', 'other', '']) {
      const token = listToken(id);
      expect(token).toMatch(/^_[A-Za-z0-9_-]*$/);
      expect(streamIdOfToken(token)).toBe(id);
    }
  });

  it('names no list for a token no list id makes', () => {
    // Plain tokens have no `_`; an encoded one must be the canonical encoding of its id.
    for (const token of ['_!', '_bGlzdDpkZWZhdWx0', 'a_b', '*', '>']) {
      expect(streamIdOfToken(token), token).toBeUndefined();
    }
  });
});

describe('what counts as the server being out of reach', () => {
  it('a closed, draining or failed connection, a timeout, and no responders (503)', () => {
    const unreachable = [
      new ClosedConnectionError(),
      new DrainingConnectionError(),
      new ConnectionError('connection refused'),
      new TimeoutError(),
      new RequestError('connection disconnected'),
      new RequestError('no responders', { cause: new NoRespondersError('$JS.API.STREAM.INFO.x') }),
      new JetStreamApiError({ code: 503, err_code: 10008, description: 'JetStream unavailable' }),
      new SyncUnreachable('already said'),
    ];
    for (const error of unreachable) expect(isUnreachable(error), String(error)).toBe(true);
  });

  it('not a refusal the server means: permissions, a bad argument, an API error', () => {
    const refused = [
      new PermissionViolationError('Permissions Violation', 'publish', 'basket.other.x'),
      new InvalidArgumentError('max_payload size exceeded'),
      new JetStreamApiError({ code: 400, err_code: 10054, description: 'message size exceeds' }),
      new JetStreamError('invalid ack response'),
      new Error('something else'),
      'not even an error',
    ];
    for (const error of refused) expect(isUnreachable(error), String(error)).toBe(false);
  });
});
