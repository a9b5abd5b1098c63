/**
 * Messages as data (as ESLint's `meta.messages`): a rule lists what it can say in a block of typed
 * functions, one per message id, and reports the result. Each result carries its id and the values
 * it was built from, so tests assert `messageId` and `data` and the wording is checked once, in
 * test/core/rules/messages.test.ts.
 */
import type { Text } from './locale';

/** One message as reported: which one, the values it names, and its text in both languages. */
export interface Message<Id extends string = string, Data = unknown> {
  readonly messageId: Id;
  readonly data: Data;
  readonly text: Text;
}

/** The wording of one message: its values in, both languages out. */
type Wording = (data: never) => Text;

/** A message block: each function returns its text tagged with its id and data. */
export type Messages<W extends Record<string, Wording>> = {
  readonly [K in keyof W & string]: (data: Parameters<W[K]>[0]) => Message<K, Parameters<W[K]>[0]>;
};

/** Any rule's message block, as the registry and the messages test see it. */
export type AnyMessages = Readonly<Record<string, (data: never) => Message>>;

export function defineMessages<W extends Record<string, Wording>>(wording: W): Messages<W> {
  const out: Record<string, (data: unknown) => Message> = {};
  for (const id of Object.keys(wording)) {
    const word = wording[id] as (data: unknown) => Text;
    out[id] = (data) => ({ messageId: id, data, text: word(data) });
  }
  return out as Messages<W>;
}
