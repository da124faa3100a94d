import type { JsonValue } from './json-value';

/** Identity of one execution attempt of one subtask. Attempt numbers are unique per subtask, not dense. */
export interface AttemptRef {
  readonly subtask: number;
  readonly attempt: number;
}

/** An event the coordinator sends to one attempt's reader. */
export type ReaderEvent<TSplit> =
  | { readonly kind: 'addSplits'; readonly splits: readonly TSplit[] }
  | { readonly kind: 'noMoreSplits' }
  | { readonly kind: 'sourceEvent'; readonly event: JsonValue };

/**
 * How the coordinator reaches readers. The runtime implements it (in-process call, worker `postMessage`,
 * socket). Events to one attempt must be delivered in the order `send` is called.
 *
 * `send` is called only after the coordinator's state change is complete, so an implementation may call
 * back into the coordinator synchronously.
 */
export interface AttemptGateway<TSplit> {
  send(target: AttemptRef, event: ReaderEvent<TSplit>): void;
}
