import type { BasketEvent, StreamId } from '../events';
import { ConcurrencyError } from './errors';

/** Refuses a batch that is not the next contiguous run of `streamId` after `expectedVersion`. */
export function checkBatch(
  streamId: StreamId,
  expectedVersion: number,
  head: number,
  events: readonly BasketEvent[],
): void {
  if (head !== expectedVersion) {
    throw new ConcurrencyError(
      `Stream ${streamId} is at version ${head}, not the expected ${expectedVersion}.`,
    );
  }
  events.forEach((event, i) => {
    if (event.streamId !== streamId || event.streamVersion !== expectedVersion + i + 1) {
      throw new ConcurrencyError(`Event ${event.id} is out of order for stream ${streamId}.`);
    }
  });
}
