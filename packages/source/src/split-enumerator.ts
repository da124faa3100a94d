import type { JsonValue } from './json-value';
import type { SourceSplit } from './source-split';

/** A registered reader of a subtask, as the enumerator sees it. */
export interface ReaderInfo {
  readonly subtaskId: number;
  /** The attempt this info describes: for {@link SplitEnumeratorContext.registeredReaders}, the smallest live one. */
  readonly attemptNumber: number;
  /** Host the reader runs on, normalised (trimmed, lower case); `undefined` when unknown. */
  readonly location: string | undefined;
}

/** Splits to hand out, keyed by subtask index. */
export type SplitsAssignment<TSplit> = ReadonlyMap<number, readonly TSplit[]>;

/** Result of work started with {@link SplitEnumeratorContext.callAsync}. */
export type AsyncOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * The enumerator's only handle on the runtime. Every method runs synchronously inside the coordinator's
 * current transaction; the coordinator is single-threaded like Flink's coordinator thread.
 */
export interface SplitEnumeratorContext<TSplit extends SourceSplit> {
  /**
   * Assigns one split to a subtask (never to an attempt: the coordinator delivers it to the attempts).
   * @throws {HiveBatchError} code `SPLIT_STATE_ERROR` when the subtask has no live attempt, is finished, has
   * been told there are no more splits, or the split id is already assigned or finished.
   */
  assignSplit(split: TSplit, subtask: number): void;
  /** Assigns several splits at once; validated as a whole before anything changes. Same errors as {@link assignSplit}. */
  assignSplits(assignment: SplitsAssignment<TSplit>): void;
  /**
   * Tells a subtask it will get no further splits. Sticky until the subtask is reset.
   * @throws {HiveBatchError} code `SPLIT_STATE_ERROR` when the subtask has no live attempt.
   */
  signalNoMoreSplits(subtask: number): void;
  /** Per subtask with a live attempt, the reader of its smallest live attempt number. */
  registeredReaders(): ReadonlyMap<number, ReaderInfo>;
  /** Every live attempt per subtask. */
  registeredReadersOfAttempts(): ReadonlyMap<number, ReadonlyMap<number, ReaderInfo>>;
  /** Number of subtasks of the source. Ask each time; do not cache it. */
  currentParallelism(): number;
  /**
   * Runs `callable` off the current transaction (for slow discovery, e.g. listing files) and then `handler`
   * as a transaction of its own. `callable` must not touch enumerator state. If `handler` throws, the
   * coordinator fails (see `SourceCoordinator.failureCause`).
   */
  callAsync<T>(callable: () => T | Promise<T>, handler: (outcome: AsyncOutcome<T>) => void): void;
  /**
   * Sends a custom event to one attempt's reader.
   * @throws {HiveBatchError} code `SPLIT_STATE_ERROR` when that attempt is not live.
   */
  sendEventToSourceReader(subtask: number, attempt: number, event: JsonValue): void;
}

/**
 * Finds splits and decides which subtask gets them. It sees subtasks, never attempts (except in custom
 * events); all callbacks run one at a time and must not `await` in the middle of a state change.
 */
export interface SplitEnumerator<TSplit extends SourceSplit, TState> {
  /** Called once before any other callback. */
  start(): void;
  /**
   * A reader of `subtask` asks for work. Assign with the context, or signal no more splits, now or later.
   * @param host - Normalised host of the requesting reader, when known.
   */
  handleSplitRequest(subtask: number, host: string | undefined): void;
  /** Splits that `subtask` lost (it was reset); they must become assignable again, to any subtask. */
  addSplitsBack(splits: readonly TSplit[], subtask: number): void;
  /** The first attempt of a new subtask life registered; called once per life. */
  addReader(subtask: number): void;
  /** State to restore from; `checkpointId` is `-1` for batch snapshots. */
  snapshotState(checkpointId: number): TState;
  /**
   * A custom event from one attempt's reader. Optional: without it, custom events fail with
   * `UNSUPPORTED_OPERATION`, because an attempt-blind handler could double-count under speculation.
   */
  handleSourceEvent?(subtask: number, attempt: number, event: JsonValue): void;
  /** Releases resources. */
  close(): void;
}
