import { Subject, type Observable } from 'rxjs';

/**
 * One producer's stream, as react-rxjs's `createSignal` has it: a function to emit with and an
 * observable of what was emitted. The Subject behind them never leaves this file, so no one can
 * push into a stream they do not own; `end` is for the owner, when the basket is put away.
 */
export function createSignal<T>(): [
  value$: Observable<T>,
  emit: (value: T) => void,
  end: () => void,
] {
  const subject = new Subject<T>();
  return [subject.asObservable(), (value) => subject.next(value), () => subject.complete()];
}
