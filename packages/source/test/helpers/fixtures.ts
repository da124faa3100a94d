import {
  StaticSplitEnumerator,
  createJsonSerializer,
  createStaticSplitEnumeratorStateSerializer,
} from '@hive-batch/source';
import type {
  AttemptGateway,
  AttemptRef,
  JsonValue,
  ReaderEvent,
  Source,
  SourceReader,
  SourceReaderContext,
  SplitEnumerator,
  SplitEnumeratorContext,
  StaticSplitEnumeratorState,
} from '@hive-batch/source';

/** A JSON-safe split covering the numbers `from` (inclusive) to `to` (exclusive). */
export type RangeSplit = { readonly splitId: string; readonly from: number; readonly to: number };

export function rangeSplits(count: number, size = 1): RangeSplit[] {
  return Array.from({ length: count }, (_, i) => ({ splitId: `s${i}`, from: i * size, to: (i + 1) * size }));
}

/** Records every event as a readable line, e.g. `0/3 addSplits[s0,s1]`. */
export class RecordingGateway implements AttemptGateway<RangeSplit> {
  readonly trace: string[] = [];
  readonly events: { target: AttemptRef; event: ReaderEvent<RangeSplit> }[] = [];
  onSend: ((target: AttemptRef, event: ReaderEvent<RangeSplit>) => void) | undefined;

  send(target: AttemptRef, event: ReaderEvent<RangeSplit>): void {
    this.events.push({ target, event });
    this.trace.push(`${target.subtask}/${target.attempt} ${describe(event)}`);
    this.onSend?.(target, event);
  }

  take(): string[] {
    return this.trace.splice(0);
  }
}

function describe(event: ReaderEvent<RangeSplit>): string {
  switch (event.kind) {
    case 'addSplits':
      return `addSplits[${event.splits.map((s) => s.splitId).join(',')}]`;
    case 'noMoreSplits':
      return 'noMoreSplits';
    case 'sourceEvent':
      return `sourceEvent ${JSON.stringify(event.event)}`;
  }
}

/** Calls the enumerator received, for asserting the subtask-only view (invariant 5). */
export interface EnumeratorLog {
  readonly addReader: number[];
  readonly addSplitsBack: { subtask: number; ids: string[] }[];
  readonly requests: { subtask: number; host: string | undefined }[];
}

export type PoolState = { readonly remaining: readonly RangeSplit[]; readonly complete: boolean };

/**
 * Test enumerator whose splits may arrive late: requests that find the pool empty while discovery is
 * incomplete are parked and answered when splits are discovered or discovery completes.
 */
export class DiscoveringEnumerator implements SplitEnumerator<RangeSplit, PoolState> {
  readonly log: EnumeratorLog = { addReader: [], addSplitsBack: [], requests: [] };
  readonly pool: RangeSplit[];
  readonly #context: SplitEnumeratorContext<RangeSplit>;
  #complete: boolean;
  readonly #parked: number[] = [];

  constructor(context: SplitEnumeratorContext<RangeSplit>, state: PoolState) {
    this.#context = context;
    this.pool = [...state.remaining];
    this.#complete = state.complete;
  }

  get complete(): boolean {
    return this.#complete;
  }

  start(): void {}

  handleSplitRequest(subtask: number, host: string | undefined): void {
    this.log.requests.push({ subtask, host });
    if (!this.#context.registeredReaders().has(subtask)) return;
    this.#serve(subtask);
  }

  addSplitsBack(splits: readonly RangeSplit[], subtask: number): void {
    this.log.addSplitsBack.push({ subtask, ids: splits.map((s) => s.splitId) });
    this.pool.push(...splits);
    this.#drainParked();
  }

  addReader(subtask: number): void {
    this.log.addReader.push(subtask);
  }

  /** Late discovery: the handler side of `callAsync`. */
  discover(splits: readonly RangeSplit[], complete: boolean): void {
    this.pool.push(...splits);
    if (complete) this.#complete = true;
    this.#drainParked();
  }

  snapshotState(): PoolState {
    return { remaining: [...this.pool], complete: this.#complete };
  }

  handleSourceEvent(): void {}

  close(): void {}

  #serve(subtask: number): void {
    const split = this.pool.shift();
    if (split !== undefined) this.#context.assignSplit(split, subtask);
    else if (this.#complete) this.#context.signalNoMoreSplits(subtask);
    else if (!this.#parked.includes(subtask)) this.#parked.push(subtask);
  }

  #drainParked(): void {
    for (const subtask of this.#parked.splice(0)) {
      // A parked request of a subtask that was reset (or finished) meanwhile is stale.
      if (this.#context.registeredReaders().has(subtask)) this.#serve(subtask);
    }
  }
}

const rangeSerializer = createJsonSerializer<RangeSplit>();

/** A source over {@link DiscoveringEnumerator}; `enumerators` collects every enumerator it creates. */
export function discoveringSource(
  initial: PoolState,
  enumerators: DiscoveringEnumerator[] = [],
): Source<number, RangeSplit, PoolState> {
  return {
    boundedness: 'BOUNDED',
    createEnumerator: (ctx) => {
      const e = new DiscoveringEnumerator(ctx, initial);
      enumerators.push(e);
      return e;
    },
    restoreEnumerator: (ctx, state) => {
      const e = new DiscoveringEnumerator(ctx, state);
      enumerators.push(e);
      return e;
    },
    createReader: (ctx) => new RangeReader(ctx),
    splitSerializer: rangeSerializer,
    enumeratorStateSerializer: {
      version: 1,
      serialize: (s: PoolState): JsonValue => ({
        remaining: s.remaining.map((r) => rangeSerializer.serialize(r)),
        complete: s.complete,
      }),
      deserialize: (_v: number, data: JsonValue): PoolState => {
        const record = data as { remaining: JsonValue[]; complete: boolean };
        return {
          remaining: record.remaining.map((r) => rangeSerializer.deserialize(1, r)),
          complete: record.complete,
        };
      },
    },
  };
}

/** A source over {@link StaticSplitEnumerator}. */
export function staticSource(
  splits: readonly RangeSplit[],
  hostsOf?: (split: RangeSplit) => readonly string[],
): Source<number, RangeSplit, StaticSplitEnumeratorState<RangeSplit>> {
  const options = hostsOf === undefined ? {} : { hostsOf };
  return {
    boundedness: 'BOUNDED',
    createEnumerator: (ctx) => new StaticSplitEnumerator(ctx, { splits, ...options }),
    restoreEnumerator: (ctx, state) =>
      new StaticSplitEnumerator(ctx, { splits: state.remaining, ...options }),
    createReader: (ctx) => new RangeReader(ctx),
    splitSerializer: rangeSerializer,
    enumeratorStateSerializer: createStaticSplitEnumeratorStateSerializer(rangeSerializer),
  };
}

/**
 * Emits every number of its splits, one split at a time, asking for the next split (one request) when it
 * has none in hand — the request pattern the cursor policy expects.
 */
export class RangeReader implements SourceReader<number, RangeSplit> {
  readonly #context: SourceReaderContext;
  readonly #queue: RangeSplit[] = [];
  #current: { split: RangeSplit; next: number } | undefined;
  #noMore = false;
  #requested = false;
  #wake: (() => void) | undefined;

  constructor(context: SourceReaderContext) {
    this.#context = context;
  }

  start(): void {
    this.#request();
  }

  pollNext(output: {
    collect(record: number): void;
  }): 'MORE_AVAILABLE' | 'NOTHING_AVAILABLE' | 'END_OF_INPUT' {
    if (this.#current === undefined) {
      const split = this.#queue.shift();
      if (split === undefined) {
        if (this.#noMore) return 'END_OF_INPUT';
        this.#request();
        return 'NOTHING_AVAILABLE';
      }
      this.#current = { split, next: split.from };
    }
    const current = this.#current;
    if (current.next < current.split.to) output.collect(current.next++);
    if (current.next >= current.split.to) {
      this.#current = undefined;
      if (this.#queue.length === 0 && !this.#noMore) this.#request();
    }
    return 'MORE_AVAILABLE';
  }

  isAvailable(): Promise<void> {
    if (this.#queue.length > 0 || this.#noMore) return Promise.resolve();
    return new Promise((resolve) => (this.#wake = resolve));
  }

  addSplits(splits: readonly RangeSplit[]): void {
    this.#queue.push(...splits);
    this.#requested = false;
    this.#wakeUp();
  }

  notifyNoMoreSplits(): void {
    this.#noMore = true;
    this.#wakeUp();
  }

  snapshotState(): readonly RangeSplit[] {
    const rest = [...this.#queue];
    if (this.#current !== undefined) rest.unshift({ ...this.#current.split, from: this.#current.next });
    return rest;
  }

  close(): void {}

  #request(): void {
    if (this.#requested || this.#noMore) return;
    this.#requested = true;
    this.#context.sendSplitRequest();
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
