// The one upward look in this layer, and a type-only one: the message keys are the keys of the
// English table, so the compiler knows each key's parameters. Types vanish at build time; at run
// time nothing here reaches the words (src/i18n), which only the UI loads.
import type { en } from '../i18n/en';

/** Something to say, in no language yet: a message key and what fills it in. */
export interface Sentence {
  readonly key: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

type Messages = typeof en;
/** A message that can be said: a key of every language's table but its category names. */
export type MessageKey = Exclude<keyof Messages, 'categories' | 'langName'>;
type ParamsOf<K extends MessageKey> = Messages[K] extends (p: infer P, h: never) => string
  ? P
  : never;
/** What `says(key, …)` needs after the key: the message's parameters, or nothing. */
export type ArgsOf<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [ParamsOf<K>];

/** A sentence to be said later, in whichever language the person reads. */
export function says<K extends MessageKey>(key: K, ...args: ArgsOf<K>): Sentence {
  return args.length ? { key, params: args[0] as Record<string, unknown> } : { key };
}
