import type { JsonValue } from './json-value';
import type { SourceSplit } from './source-split';

/**
 * What {@link SourceReader.pollNext} reports: more records right now, nothing until
 * {@link SourceReader.isAvailable} resolves, or the end (only after no-more-splits and every split drained).
 */
export type InputStatus = 'MORE_AVAILABLE' | 'NOTHING_AVAILABLE' | 'END_OF_INPUT';

/** Where a reader emits records. */
export interface ReaderOutput<TRecord> {
  collect(record: TRecord): void;
}

/** The reader's handle on the runtime, bound to one attempt. */
export interface SourceReaderContext {
  readonly subtaskId: number;
  readonly attemptNumber: number;
  /** Host the attempt runs on, when known. */
  readonly location: string | undefined;
  /** Asks the coordinator for a split. Under the `cursor` policy each request yields at most one split. */
  sendSplitRequest(): void;
  /** Sends a custom event to the enumerator (it sees the attempt number). */
  sendSourceEvent(event: JsonValue): void;
}

/**
 * Reads the splits assigned to its attempt. `pollNext` never blocks; the runtime calls it until it
 * returns `NOTHING_AVAILABLE` (then waits on `isAvailable`) or `END_OF_INPUT`.
 */
export interface SourceReader<TRecord, TSplit extends SourceSplit> {
  start(): void;
  pollNext(output: ReaderOutput<TRecord>): InputStatus;
  /** Resolves when `pollNext` may have more to do. */
  isAvailable(): Promise<void>;
  addSplits(splits: readonly TSplit[]): void;
  notifyNoMoreSplits(): void;
  /** Unfinished splits with their read positions. */
  snapshotState(checkpointId: number): readonly TSplit[];
  handleSourceEvent?(event: JsonValue): void;
  close(): void | Promise<void>;
}
