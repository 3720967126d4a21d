import { SyncTooLarge, SyncUnreachable } from './port';

export { SyncTooLarge } from './port';

/** Whether an error from the NATS client means the server could not be reached (now). */
export function isUnreachable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 6; depth += 1, e = e.cause) {
    switch (e.name) {
      case 'SyncUnreachable':
      case 'ClosedConnectionError':
      case 'DrainingConnectionError':
      case 'ConnectionError':
      case 'TimeoutError':
      case 'NoResponders': // 503: nothing answered, e.g. JetStream not up yet after a restart
      case 'JetStreamNotEnabled':
        return true;
      case 'RequestError':
        if (/disconnect|closed|timeout|no responders/i.test(e.message)) return true;
        break;
      case 'JetStreamStatusError':
      case 'JetStreamApiError': {
        const { code, status } = e as Error & { code?: number; status?: number };
        if (code === 503 || status === 503 || code === 408) return true;
        break;
      }
    }
  }
  return false;
}

function isTooLarge(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 6; depth += 1, e = e.cause) {
    if (e.name === 'InvalidArgumentError' && /max_payload/.test(e.message)) return true;
    // JSStreamMessageExceedsMaximumErr: the stream's max_msg_size.
    if (e.name === 'JetStreamApiError' && (e as Error & { code?: number }).code === 10054) {
      return true;
    }
  }
  return false;
}

/** The client's error in the port's words: SyncUnreachable, SyncTooLarge, or itself. */
export function translated(error: unknown, doing: string): unknown {
  if (error instanceof SyncUnreachable || error instanceof SyncTooLarge) return error;
  if (isTooLarge(error)) {
    return new SyncTooLarge(`the server refused ${doing}: larger than a message may be`, {
      cause: error,
    });
  }
  if (isUnreachable(error)) {
    return new SyncUnreachable(`the sync server could not be reached to ${doing}`, {
      cause: error,
    });
  }
  return error;
}
