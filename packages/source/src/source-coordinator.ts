import { HiveBatchError, InternalError } from '@hive-batch/core';
import type { JsonValue } from './json-value';
import type { AttemptGateway, AttemptRef, ReaderEvent } from './reader-event';
import type { Source } from './source';
import type { SourceSplit } from './source-split';
import type {
  AsyncOutcome,
  ReaderInfo,
  SplitEnumerator,
  SplitEnumeratorContext,
  SplitsAssignment,
} from './split-enumerator';
import { normalizeHost } from './internal/normalize-host';

/**
 * How splits of a subtask reach its attempts.
 * - `cursor` (default): each attempt reads the subtask's log with its own cursor, one split per request;
 *   the enumerator is asked only when the leading attempt reaches the end of the log.
 * - `broadcast`: Flink-compatible; a split assigned to the subtask goes to all its live attempts at once
 *   and every attempt's request reaches the enumerator (a subtask with a slow twin over-pulls).
 */
export type AssignmentPolicy = 'cursor' | 'broadcast';

/** Checkpoint id passed to `SplitEnumerator.snapshotState` for batch snapshots. */
export const BATCH_SNAPSHOT_ID = -1;

/** Options for {@link SourceCoordinator}. */
export interface SourceCoordinatorOptions<TSplit extends SourceSplit, TEnumState> {
  /** The source whose enumerator the coordinator drives. */
  readonly source: Source<unknown, TSplit, TEnumState>;
  /** Number of subtasks (positive integer). */
  readonly parallelism: number;
  /** Delivers events to readers. */
  readonly gateway: AttemptGateway<TSplit>;
  /** Delivery model. Defaults to `'cursor'`. */
  readonly policy?: AssignmentPolicy;
  /**
   * Live attempts allowed per subtask at once (the original plus speculative copies).
   * Defaults to `2`, Flink's `execution.batch.speculative.max-concurrent-executions`.
   */
  readonly maxConcurrentAttempts?: number;
  /**
   * Largest number of splits in one `addSplits` event; longer replays are cut into several events.
   * Defaults to unlimited.
   */
  readonly maxSplitsPerEvent?: number;
  /** Batch snapshot to restore from (enumerator state, assignment logs, finished subtasks). Defaults to none. */
  readonly restoreFrom?: CoordinatorSnapshot;
  /** Called once when the coordinator fails (an async handler threw). Defaults to none. */
  readonly onFailure?: (cause: unknown) => void;
}

/** JSON-safe batch snapshot of a coordinator and its enumerator. Live attempts are never part of it. */
export type CoordinatorSnapshot = {
  readonly version: 1;
  readonly parallelism: number;
  readonly splitVersion: number;
  readonly enumeratorVersion: number;
  readonly enumeratorState: JsonValue;
  readonly subtasks: readonly SubtaskSnapshot[];
};

/** One subtask in a {@link CoordinatorSnapshot}. */
export type SubtaskSnapshot = {
  /** Serialized splits assigned in the current life, in assignment order (empty once finished). */
  readonly log: readonly JsonValue[];
  readonly noMoreSplits: boolean;
  /** The winning attempt and the ids of the splits it committed, once the subtask finished. */
  readonly finished: { readonly winner: number; readonly splitIds: readonly string[] } | null;
};

/** Result of {@link SourceCoordinator.attemptFinished}. */
export type FinishOutcome =
  | {
      /** This attempt won: publish its output; cancel and discard the listed siblings. */
      readonly kind: 'winner';
      readonly winner: AttemptRef;
      readonly cancel: readonly AttemptRef[];
      /** The splits whose output this attempt commits, in assignment order. */
      readonly splitIds: readonly string[];
    }
  | {
      /** The attempt is not live (cancelled, failed, or its subtask already has a winner): discard its output. */
      readonly kind: 'discarded';
    };

/** Result of {@link SourceCoordinator.attemptFailed} and {@link SourceCoordinator.resetSubtask}. */
export type FailureOutcome =
  | { /** The attempt was not live; nothing changed. */ readonly kind: 'ignored' }
  | { /** A sibling lives on; no split moved. */ readonly kind: 'local' }
  | {
      /** The subtask was reset: its splits went back to the enumerator and these attempts must be cancelled. */
      readonly kind: 'reset';
      readonly returnedSplitIds: readonly string[];
      readonly cancel: readonly AttemptRef[];
    };

/** Read-only view of one subtask, for runtimes, tests and diagnostics. */
export interface SubtaskView {
  /** Ids of the splits in the subtask's assignment log (current life), in order. */
  readonly log: readonly string[];
  readonly noMoreSplits: boolean;
  /** Live attempt numbers, ascending. */
  readonly liveAttempts: readonly number[];
  /** Attempt that finished first, once finished. */
  readonly winner: number | undefined;
  /** Splits committed by the winner (empty while running). */
  readonly finishedSplitIds: readonly string[];
  /** Number of lives so far: 1 plus the number of resets. */
  readonly life: number;
}

interface AttemptState {
  readonly attempt: number;
  readonly location: string | undefined;
  /** Splits of the log delivered to this attempt (they are always a prefix of the log). */
  cursor: number;
  /** Cursor policy: a request is open and was not answered yet. */
  waiting: boolean;
  noMoreSent: boolean;
}

interface SubtaskState<TSplit> {
  life: number;
  log: TSplit[];
  noMoreSplits: boolean;
  readonly attempts: Map<number, AttemptState>;
  /** Attempt numbers ever registered; a number is never reused for the subtask. */
  readonly seenAttempts: Set<number>;
  readerAdded: boolean;
  /** Cursor policy: the enumerator has an unanswered request of this subtask. */
  requestInFlight: boolean;
  finished: { readonly winner: number; readonly splitIds: readonly string[] } | undefined;
}

type Phase = 'created' | 'running' | 'closed';

/**
 * Sits between one enumerator and the readers of N subtasks, each of which may run several concurrent
 * execution attempts (speculative execution) and be reset after failure. It keeps the FLIP-245 invariants:
 *
 * 1. a split is in exactly one place: the enumerator's pool, one subtask's assignment log, or finished;
 * 2. every attempt of a subtask sees the same ordered splits and nothing else; late attempts get the log
 *    replayed, including a sticky no-more-splits;
 * 3. each subtask's splits are committed by exactly one finished attempt, the first to finish;
 * 4. an attempt failing while a sibling lives moves nothing; all attempts failing (or a data-loss error)
 *    returns every split of the subtask to the enumerator once and clears its no-more-splits flag;
 * 5. the enumerator sees subtasks, never attempts; `addReader` runs once per subtask life.
 *
 * All methods are synchronous transactions; events to readers are sent through the gateway after the
 * transaction's state change is complete.
 *
 * @example
 * ```ts
 * const coordinator = new SourceCoordinator({ source, parallelism: 4, gateway });
 * coordinator.start();
 * coordinator.registerAttempt(0, 0);
 * coordinator.handleSplitRequest(0, 0);
 * ```
 */
export class SourceCoordinator<TSplit extends SourceSplit, TEnumState> {
  readonly #source: Source<unknown, TSplit, TEnumState>;
  readonly #gateway: AttemptGateway<TSplit>;
  readonly #policy: AssignmentPolicy;
  readonly #maxAttempts: number;
  readonly #maxSplitsPerEvent: number;
  readonly #restoreFrom: CoordinatorSnapshot | undefined;
  readonly #onFailure: ((cause: unknown) => void) | undefined;
  readonly #subtasks: SubtaskState<TSplit>[] = [];
  /** Split id → subtask whose log holds it. */
  readonly #owner = new Map<string, number>();
  readonly #finishedIds = new Set<string>();
  readonly #outbox: { target: AttemptRef; event: ReaderEvent<TSplit> }[] = [];
  readonly #context: SplitEnumeratorContext<TSplit>;
  #enumerator: SplitEnumerator<TSplit, TEnumState> | undefined;
  #phase: Phase = 'created';
  #depth = 0;
  #flushing = false;
  #pendingAsync = 0;
  #idleWaiters: (() => void)[] = [];
  #failure: { readonly cause: unknown } | undefined;

  /**
   * @throws {HiveBatchError} code `INVALID_ARGUMENT` for a bad parallelism, attempt limit or event size.
   */
  constructor(options: SourceCoordinatorOptions<TSplit, TEnumState>) {
    const { parallelism } = options;
    if (!Number.isInteger(parallelism) || parallelism < 1) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Parallelism must be a positive integer, got ${parallelism}`,
      );
    }
    const maxAttempts = options.maxConcurrentAttempts ?? 2;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `maxConcurrentAttempts must be a positive integer, got ${maxAttempts}`,
      );
    }
    const maxSplitsPerEvent = options.maxSplitsPerEvent ?? Number.POSITIVE_INFINITY;
    const unlimited = maxSplitsPerEvent === Number.POSITIVE_INFINITY;
    if (!unlimited && !(Number.isInteger(maxSplitsPerEvent) && maxSplitsPerEvent >= 1)) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `maxSplitsPerEvent must be a positive integer, got ${maxSplitsPerEvent}`,
      );
    }
    this.#source = options.source;
    this.#gateway = options.gateway;
    this.#policy = options.policy ?? 'cursor';
    this.#maxAttempts = maxAttempts;
    this.#maxSplitsPerEvent = maxSplitsPerEvent;
    this.#restoreFrom = options.restoreFrom;
    this.#onFailure = options.onFailure;
    for (let i = 0; i < parallelism; i++) {
      this.#subtasks.push({
        life: 1,
        log: [],
        noMoreSplits: false,
        attempts: new Map(),
        seenAttempts: new Set(),
        readerAdded: false,
        requestInFlight: false,
        finished: undefined,
      });
    }
    this.#context = this.#createContext();
  }

  /** The delivery model in use. */
  get policy(): AssignmentPolicy {
    return this.#policy;
  }

  /** Number of subtasks. */
  get parallelism(): number {
    return this.#subtasks.length;
  }

  /** Why the coordinator failed (an async handler threw), or `undefined` while healthy. */
  get failureCause(): unknown {
    return this.#failure?.cause;
  }

  /** True once every subtask has a winner. */
  get isFinished(): boolean {
    return this.#subtasks.every((s) => s.finished !== undefined);
  }

  /**
   * Creates (or restores) the enumerator and starts it.
   * @throws {HiveBatchError} code `SPLIT_STATE_ERROR` when already started, or the snapshot does not fit;
   * `SERDE_ERROR` from the serializers.
   */
  start(): void {
    if (this.#phase !== 'created') {
      throw new HiveBatchError('SPLIT_STATE_ERROR', `Cannot start a coordinator that is ${this.#phase}`);
    }
    this.#phase = 'running';
    this.#transaction(() => {
      const snapshot = this.#restoreFrom;
      if (snapshot === undefined) {
        this.#enumerator = this.#source.createEnumerator(this.#context);
      } else {
        this.#restoreSubtasks(snapshot);
        const state = this.#source.enumeratorStateSerializer.deserialize(
          snapshot.enumeratorVersion,
          snapshot.enumeratorState,
        );
        this.#enumerator = this.#source.restoreEnumerator(this.#context, state);
      }
      this.#enumerator.start();
    });
  }

  /**
   * An attempt's reader registered. The first attempt of a subtask life triggers `addReader`.
   * Under `broadcast` the attempt immediately gets the subtask's log (and no-more-splits, if signalled);
   * under `cursor` it gets them one per request.
   *
   * @param location - Host of the attempt; normalised. Defaults to unknown.
   * @throws {HiveBatchError} code `ATTEMPT_LIMIT_REACHED` when the subtask already has
   * `maxConcurrentAttempts` live attempts; `SPLIT_STATE_ERROR` when the subtask is finished or the attempt
   * number was used before for this subtask; `INVALID_ARGUMENT` for a bad subtask or attempt number.
   */
  registerAttempt(subtask: number, attempt: number, location?: string): void {
    this.#transaction(() => {
      const state = this.#subtask(subtask);
      if (!Number.isInteger(attempt) || attempt < 0) {
        throw new HiveBatchError(
          'INVALID_ARGUMENT',
          `Attempt number must be a natural number, got ${attempt}`,
        );
      }
      if (state.finished !== undefined) {
        throw new HiveBatchError(
          'SPLIT_STATE_ERROR',
          `Subtask ${subtask} already finished (winner attempt ${state.finished.winner}); attempt ${attempt} cannot register`,
        );
      }
      if (state.seenAttempts.has(attempt)) {
        throw new HiveBatchError(
          'SPLIT_STATE_ERROR',
          `Attempt ${attempt} of subtask ${subtask} registered before`,
        );
      }
      if (state.attempts.size >= this.#maxAttempts) {
        throw new HiveBatchError(
          'ATTEMPT_LIMIT_REACHED',
          `Subtask ${subtask} already runs ${state.attempts.size} attempts (limit ${this.#maxAttempts})`,
        );
      }
      state.seenAttempts.add(attempt);
      const attemptState: AttemptState = {
        attempt,
        location: location === undefined ? undefined : normalizeHost(location),
        cursor: 0,
        waiting: false,
        noMoreSent: false,
      };
      state.attempts.set(attempt, attemptState);
      if (!state.readerAdded) {
        state.readerAdded = true;
        this.#requireEnumerator().addReader(subtask);
      }
      if (this.#policy === 'broadcast') {
        // Replay the cache to this attempt only: the whole log, then the sticky flag.
        this.#sendSplits({ subtask, attempt }, state.log);
        attemptState.cursor = state.log.length;
        if (state.noMoreSplits) this.#sendNoMore(subtask, attemptState);
      }
    });
  }

  /**
   * An attempt asks for a split. Requests from attempts that are not live are stale and ignored.
   *
   * @param host - Host of the reader; defaults to the location it registered with.
   * @returns `false` when the request was stale and ignored.
   * @throws {HiveBatchError} code `INVALID_ARGUMENT` for a subtask index out of range.
   */
  handleSplitRequest(subtask: number, attempt: number, host?: string): boolean {
    return this.#transaction(() => {
      const state = this.#subtask(subtask);
      const attemptState = state.attempts.get(attempt);
      if (attemptState === undefined) return false;
      const requestHost = host === undefined ? attemptState.location : normalizeHost(host);
      if (this.#policy === 'broadcast') {
        // Flink: once no-more-splits is signalled the subtask's requests are dropped.
        if (!state.noMoreSplits) this.#requireEnumerator().handleSplitRequest(subtask, requestHost);
        return true;
      }
      if (attemptState.noMoreSent) return true;
      if (attemptState.cursor < state.log.length) {
        this.#deliverNext(subtask, attemptState, state);
      } else if (state.noMoreSplits) {
        this.#sendNoMore(subtask, attemptState);
      } else {
        attemptState.waiting = true;
        // Only the leading attempt's request reaches the enumerator; a slow twin never pulls extra splits.
        if (!state.requestInFlight) {
          state.requestInFlight = true;
          this.#requireEnumerator().handleSplitRequest(subtask, requestHost);
        }
      }
      return true;
    });
  }

  /**
   * A custom event from an attempt's reader, forwarded with the attempt number.
   * @returns `false` when the attempt is not live (stale event, ignored).
   * @throws {HiveBatchError} code `UNSUPPORTED_OPERATION` when the enumerator has no `handleSourceEvent`.
   */
  handleSourceEvent(subtask: number, attempt: number, event: JsonValue): boolean {
    return this.#transaction(() => {
      const state = this.#subtask(subtask);
      if (!state.attempts.has(attempt)) return false;
      const enumerator = this.#requireEnumerator();
      if (enumerator.handleSourceEvent === undefined) {
        throw new HiveBatchError(
          'UNSUPPORTED_OPERATION',
          `Custom source event from subtask ${subtask} attempt ${attempt}, but the enumerator does not handle attempt-aware events`,
        );
      }
      enumerator.handleSourceEvent(subtask, attempt, event);
      return true;
    });
  }

  /**
   * An attempt reached `END_OF_INPUT`. The first attempt of a subtask to finish wins: its output is
   * committed and its live siblings must be cancelled and discarded. Later finishers are discarded.
   *
   * @throws {HiveBatchError} code `SPLIT_STATE_ERROR` when the attempt finished before it received
   * no-more-splits and every split of its subtask's log (a reader bug that would lose splits).
   */
  attemptFinished(subtask: number, attempt: number): FinishOutcome {
    return this.#transaction((): FinishOutcome => {
      const state = this.#subtask(subtask);
      const attemptState = state.attempts.get(attempt);
      if (attemptState === undefined || state.finished !== undefined) return { kind: 'discarded' };
      if (!attemptState.noMoreSent || attemptState.cursor !== state.log.length) {
        throw new HiveBatchError(
          'SPLIT_STATE_ERROR',
          `Attempt ${attempt} of subtask ${subtask} finished after ${attemptState.cursor} of ${state.log.length} splits` +
            (attemptState.noMoreSent ? '' : ' and before no-more-splits'),
        );
      }
      const splitIds = state.log.map((s) => s.splitId);
      for (const id of splitIds) {
        this.#owner.delete(id);
        this.#finishedIds.add(id);
      }
      state.finished = { winner: attempt, splitIds };
      state.log = [];
      state.attempts.delete(attempt);
      const cancel = this.#dropAttempts(subtask, state);
      return { kind: 'winner', winner: { subtask, attempt }, cancel, splitIds };
    });
  }

  /**
   * An attempt failed. While a sibling lives (and the failure is not a data loss) only that attempt is
   * dropped. Otherwise the subtask is reset (see {@link resetSubtask}).
   *
   * @param options - `dataLoss`: the failure lost data the siblings depend on (Flink's PartitionException),
   * so the whole subtask restarts. Defaults to `false`.
   */
  attemptFailed(subtask: number, attempt: number, options?: { readonly dataLoss?: boolean }): FailureOutcome {
    return this.#transaction((): FailureOutcome => {
      const state = this.#subtask(subtask);
      if (!state.attempts.delete(attempt)) return { kind: 'ignored' };
      if (state.attempts.size > 0 && options?.dataLoss !== true) return { kind: 'local' };
      return this.#reset(subtask, state);
    });
  }

  /**
   * Restarts a subtask: cancels its live attempts, returns every split of its log to the enumerator
   * (`addSplitsBack`, once, only if there are any), clears its no-more-splits flag and starts a new life, so
   * the next attempt to register triggers `addReader` and requests from scratch.
   *
   * @throws {HiveBatchError} code `SPLIT_STATE_ERROR` when the subtask already finished.
   */
  resetSubtask(subtask: number): FailureOutcome {
    return this.#transaction((): FailureOutcome => {
      const state = this.#subtask(subtask);
      if (state.finished !== undefined) {
        throw new HiveBatchError(
          'SPLIT_STATE_ERROR',
          `Subtask ${subtask} already finished; it cannot be reset`,
        );
      }
      return this.#reset(subtask, state);
    });
  }

  /**
   * A JSON-safe batch snapshot of the enumerator and the assignment logs. Live attempts are not part of
   * it: after a restore, attempts register again and get their subtask's log replayed.
   *
   * @throws {HiveBatchError} code `SPLIT_STATE_ERROR` when the coordinator is not running.
   */
  snapshotState(): CoordinatorSnapshot {
    const enumerator = this.#requireEnumerator();
    const splitSerializer = this.#source.splitSerializer;
    const stateSerializer = this.#source.enumeratorStateSerializer;
    return {
      version: 1,
      parallelism: this.#subtasks.length,
      splitVersion: splitSerializer.version,
      enumeratorVersion: stateSerializer.version,
      enumeratorState: stateSerializer.serialize(enumerator.snapshotState(BATCH_SNAPSHOT_ID)),
      subtasks: this.#subtasks.map((s): SubtaskSnapshot => ({
        log: s.log.map((split) => splitSerializer.serialize(split)),
        noMoreSplits: s.noMoreSplits,
        finished:
          s.finished === undefined ? null : { winner: s.finished.winner, splitIds: [...s.finished.splitIds] },
      })),
    };
  }

  /** Read-only view of one subtask. */
  subtaskView(subtask: number): SubtaskView {
    const state = this.#subtask(subtask);
    return {
      log: state.log.map((s) => s.splitId),
      noMoreSplits: state.noMoreSplits,
      liveAttempts: [...state.attempts.keys()].sort((a, b) => a - b),
      winner: state.finished?.winner,
      finishedSplitIds: state.finished?.splitIds ?? [],
      life: state.life,
    };
  }

  /** Per subtask with a live attempt, the reader of its smallest live attempt number. */
  registeredReaders(): ReadonlyMap<number, ReaderInfo> {
    const out = new Map<number, ReaderInfo>();
    this.#subtasks.forEach((state, subtask) => {
      const first = this.#sortedAttempts(state)[0];
      if (first !== undefined) out.set(subtask, this.#readerInfo(subtask, first));
    });
    return out;
  }

  /** Every live attempt per subtask. */
  registeredReadersOfAttempts(): ReadonlyMap<number, ReadonlyMap<number, ReaderInfo>> {
    const out = new Map<number, ReadonlyMap<number, ReaderInfo>>();
    this.#subtasks.forEach((state, subtask) => {
      if (state.attempts.size === 0) return;
      out.set(
        subtask,
        new Map(this.#sortedAttempts(state).map((a) => [a.attempt, this.#readerInfo(subtask, a)])),
      );
    });
    return out;
  }

  /**
   * Resolves when no `callAsync` work is in flight.
   * @throws {HiveBatchError} code `EXECUTION_ERROR` (rejects) when an async handler failed the coordinator.
   */
  async settled(): Promise<void> {
    while (this.#pendingAsync > 0) {
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    }
    if (this.#failure !== undefined) {
      throw new HiveBatchError('EXECUTION_ERROR', 'The split enumerator failed in an async handler', {
        cause: this.#failure.cause,
      });
    }
  }

  /** Closes the enumerator; later calls fail with `SPLIT_STATE_ERROR` and pending async results are dropped. */
  close(): void {
    if (this.#phase === 'closed') return;
    const enumerator = this.#enumerator;
    this.#phase = 'closed';
    enumerator?.close();
  }

  // ---- internals -------------------------------------------------------------------------------------

  #transaction<T>(fn: () => T): T {
    if (this.#phase !== 'running') {
      throw new HiveBatchError('SPLIT_STATE_ERROR', `The coordinator is ${this.#phase}, not running`);
    }
    this.#depth++;
    try {
      return fn();
    } finally {
      this.#depth--;
      if (this.#depth === 0) this.#flush();
    }
  }

  /** Sends queued events in order; re-entrant calls from the gateway append to the same queue. */
  #flush(): void {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      for (let next = this.#outbox.shift(); next !== undefined; next = this.#outbox.shift()) {
        this.#gateway.send(next.target, next.event);
      }
    } finally {
      this.#flushing = false;
    }
  }

  #subtask(subtask: number): SubtaskState<TSplit> {
    const state = Number.isInteger(subtask) ? this.#subtasks[subtask] : undefined;
    if (state === undefined) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Subtask ${subtask} is out of range for parallelism ${this.#subtasks.length}`,
      );
    }
    return state;
  }

  #requireEnumerator(): SplitEnumerator<TSplit, TEnumState> {
    if (this.#phase !== 'running' || this.#enumerator === undefined) {
      throw new HiveBatchError('SPLIT_STATE_ERROR', `The coordinator is ${this.#phase}, not running`);
    }
    return this.#enumerator;
  }

  #sortedAttempts(state: SubtaskState<TSplit>): AttemptState[] {
    return [...state.attempts.values()].sort((a, b) => a.attempt - b.attempt);
  }

  #readerInfo(subtask: number, attempt: AttemptState): ReaderInfo {
    return { subtaskId: subtask, attemptNumber: attempt.attempt, location: attempt.location };
  }

  #sendSplits(target: AttemptRef, splits: readonly TSplit[]): void {
    for (let from = 0; from < splits.length; from += this.#maxSplitsPerEvent) {
      this.#outbox.push({
        target,
        event: { kind: 'addSplits', splits: splits.slice(from, from + this.#maxSplitsPerEvent) },
      });
    }
  }

  #sendNoMore(subtask: number, attemptState: AttemptState): void {
    if (attemptState.noMoreSent) return;
    attemptState.noMoreSent = true;
    attemptState.waiting = false;
    this.#outbox.push({
      target: { subtask, attempt: attemptState.attempt },
      event: { kind: 'noMoreSplits' },
    });
  }

  /** Cursor policy: hands the attempt the next split of the log. */
  #deliverNext(subtask: number, attemptState: AttemptState, state: SubtaskState<TSplit>): void {
    const split = state.log[attemptState.cursor];
    if (split === undefined)
      throw new InternalError(`Cursor ${attemptState.cursor} is past the log of subtask ${subtask}`);
    attemptState.cursor++;
    attemptState.waiting = false;
    this.#outbox.push({
      target: { subtask, attempt: attemptState.attempt },
      event: { kind: 'addSplits', splits: [split] },
    });
  }

  /** Removes every live attempt of the subtask and lists them for cancellation. */
  #dropAttempts(subtask: number, state: SubtaskState<TSplit>): AttemptRef[] {
    const cancel = this.#sortedAttempts(state).map((a) => ({ subtask, attempt: a.attempt }));
    state.attempts.clear();
    return cancel;
  }

  #reset(subtask: number, state: SubtaskState<TSplit>): FailureOutcome {
    const returned = state.log;
    const cancel = this.#dropAttempts(subtask, state);
    for (const split of returned) this.#owner.delete(split.splitId);
    // Clear everything before the enumerator hears about it, so a new attempt starts a clean life (FLINK-35522).
    state.log = [];
    state.noMoreSplits = false;
    state.requestInFlight = false;
    state.readerAdded = false;
    state.life++;
    if (returned.length > 0) this.#requireEnumerator().addSplitsBack(returned, subtask);
    return { kind: 'reset', returnedSplitIds: returned.map((s) => s.splitId), cancel };
  }

  #assign(assignment: SplitsAssignment<TSplit>): void {
    // Validate the whole assignment first so a bad entry changes nothing.
    const incoming = new Set<string>();
    for (const [subtask, splits] of assignment) {
      const state = this.#subtask(subtask);
      if (state.finished !== undefined || state.attempts.size === 0) {
        throw new HiveBatchError(
          'SPLIT_STATE_ERROR',
          `Cannot assign splits to subtask ${subtask}: it is ${state.finished === undefined ? 'not registered' : 'finished'}`,
        );
      }
      if (state.noMoreSplits && splits.length > 0) {
        throw new HiveBatchError(
          'SPLIT_STATE_ERROR',
          `Cannot assign splits to subtask ${subtask} after signalling no more splits`,
        );
      }
      for (const split of splits) {
        const id = split.splitId;
        const owner = this.#owner.get(id);
        if (incoming.has(id) || owner !== undefined || this.#finishedIds.has(id)) {
          const where =
            owner !== undefined
              ? `assigned to subtask ${owner}`
              : this.#finishedIds.has(id)
                ? 'finished'
                : 'assigned twice';
          throw new HiveBatchError('SPLIT_STATE_ERROR', `Split \`${id}\` is already ${where}`);
        }
        incoming.add(id);
      }
    }
    for (const [subtask, splits] of assignment) {
      if (splits.length === 0) continue;
      const state = this.#subtask(subtask);
      for (const split of splits) {
        state.log.push(split);
        this.#owner.set(split.splitId, subtask);
      }
      if (this.#policy === 'broadcast') {
        for (const attemptState of this.#sortedAttempts(state)) {
          this.#sendSplits({ subtask, attempt: attemptState.attempt }, splits);
          attemptState.cursor = state.log.length;
        }
      } else {
        state.requestInFlight = false;
        for (const attemptState of this.#sortedAttempts(state)) {
          if (attemptState.waiting && attemptState.cursor < state.log.length) {
            this.#deliverNext(subtask, attemptState, state);
          }
        }
      }
    }
  }

  #signalNoMore(subtask: number): void {
    const state = this.#subtask(subtask);
    if (state.finished !== undefined || state.attempts.size === 0) {
      throw new HiveBatchError(
        'SPLIT_STATE_ERROR',
        `Cannot signal no more splits to subtask ${subtask}: it is ${state.finished === undefined ? 'not registered' : 'finished'}`,
      );
    }
    if (state.noMoreSplits) return;
    state.noMoreSplits = true;
    state.requestInFlight = false;
    for (const attemptState of this.#sortedAttempts(state)) {
      if (
        this.#policy === 'broadcast' ||
        (attemptState.waiting && attemptState.cursor === state.log.length)
      ) {
        this.#sendNoMore(subtask, attemptState);
      }
    }
  }

  #callAsync<T>(callable: () => T | Promise<T>, handler: (outcome: AsyncOutcome<T>) => void): void {
    this.#pendingAsync++;
    void Promise.resolve()
      .then(callable)
      .then(
        (value): AsyncOutcome<T> => ({ ok: true, value }),
        (error: unknown): AsyncOutcome<T> => ({ ok: false, error }),
      )
      .then((outcome) => {
        if (this.#phase !== 'running' || this.#failure !== undefined) return;
        try {
          this.#transaction(() => handler(outcome));
        } catch (cause) {
          this.#failure = { cause };
          this.#onFailure?.(cause);
        }
      })
      .finally(() => {
        this.#pendingAsync--;
        if (this.#pendingAsync === 0) {
          const waiters = this.#idleWaiters;
          this.#idleWaiters = [];
          for (const wake of waiters) wake();
        }
      });
  }

  #restoreSubtasks(snapshot: CoordinatorSnapshot): void {
    if (snapshot.version !== 1 || snapshot.parallelism !== this.#subtasks.length) {
      throw new HiveBatchError(
        'SPLIT_STATE_ERROR',
        `Snapshot version ${snapshot.version} with parallelism ${snapshot.parallelism} does not fit a coordinator with parallelism ${this.#subtasks.length}`,
      );
    }
    const serializer = this.#source.splitSerializer;
    snapshot.subtasks.forEach((saved, subtask) => {
      const state = this.#subtask(subtask);
      state.log = saved.log.map((data) => serializer.deserialize(snapshot.splitVersion, data));
      state.noMoreSplits = saved.noMoreSplits;
      state.finished =
        saved.finished == null
          ? undefined
          : { winner: saved.finished.winner, splitIds: [...saved.finished.splitIds] };
      const ids = [...state.log.map((s) => s.splitId), ...(state.finished?.splitIds ?? [])];
      for (const id of ids) {
        if (this.#owner.has(id) || this.#finishedIds.has(id)) {
          throw new HiveBatchError('SPLIT_STATE_ERROR', `Snapshot holds split \`${id}\` twice`);
        }
        if (state.finished === undefined) this.#owner.set(id, subtask);
        else this.#finishedIds.add(id);
      }
    });
  }

  #createContext(): SplitEnumeratorContext<TSplit> {
    return {
      assignSplit: (split: TSplit, subtask: number): void => {
        this.#transaction(() => this.#assign(new Map([[subtask, [split]]])));
      },
      assignSplits: (assignment: SplitsAssignment<TSplit>): void => {
        this.#transaction(() => this.#assign(assignment));
      },
      signalNoMoreSplits: (subtask: number): void => {
        this.#transaction(() => this.#signalNoMore(subtask));
      },
      registeredReaders: (): ReadonlyMap<number, ReaderInfo> => this.registeredReaders(),
      registeredReadersOfAttempts: (): ReadonlyMap<number, ReadonlyMap<number, ReaderInfo>> =>
        this.registeredReadersOfAttempts(),
      currentParallelism: (): number => this.#subtasks.length,
      callAsync: <T>(callable: () => T | Promise<T>, handler: (outcome: AsyncOutcome<T>) => void): void => {
        if (this.#phase !== 'running') {
          throw new HiveBatchError('SPLIT_STATE_ERROR', `The coordinator is ${this.#phase}, not running`);
        }
        this.#callAsync(callable, handler);
      },
      sendEventToSourceReader: (subtask: number, attempt: number, event: JsonValue): void => {
        this.#transaction(() => {
          if (!this.#subtask(subtask).attempts.has(attempt)) {
            throw new HiveBatchError(
              'SPLIT_STATE_ERROR',
              `Attempt ${attempt} of subtask ${subtask} is not live`,
            );
          }
          this.#outbox.push({ target: { subtask, attempt }, event: { kind: 'sourceEvent', event } });
        });
      },
    };
  }
}
