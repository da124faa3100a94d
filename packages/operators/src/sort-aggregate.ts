import type { AggregationMode } from '@hive-batch/aggregate';
import { HiveBatchError, HiveTypes, createColumnBuilder } from '@hive-batch/core';
import type { Column, ColumnBatch, ColumnBuilder, DataType, Schema } from '@hive-batch/core';
import type { AggregateCall } from './aggregate-call';
import { aggregateOutputSchema, groupKeyTypes } from './internal/aggregate-setup';
import { EvaluatorAggregate, resolveCall } from './internal/bound-aggregate';
import type { ResolvedCall } from './internal/group-aggregate';
import { consumesRows, emitsPartials } from './internal/operator-mode';
import { appendDecodedKey } from './kernels/key-decoding';
import { encodeKeys } from './kernels/key-encoding';
import type { EncodedKeys } from './kernels/key-encoding';
import { runBoundaries } from './kernels/run-boundaries';

/** Options of {@link SortAggregate}. */
export interface SortAggregateOptions {
  /** Schema of the input batches. */
  readonly inputSchema: Schema;
  /** Group-by key column indices; the input must arrive with equal keys adjacent (sorted or clustered). */
  readonly groupBy: readonly number[];
  /** Aggregates, in output order. */
  readonly aggregates: readonly AggregateCall[];
  /** As in `HashAggregateOptions.mode`. Defaults to `'complete'`. */
  readonly mode?: AggregationMode;
  /** Rows per output batch at most. Rows. Defaults to `1024`. */
  readonly highWaterMarkRows?: number;
  /** Aborts `add` / `finish` with `ABORTED`. */
  readonly signal?: AbortSignal;
}

/**
 * Aggregation over input whose equal group keys are adjacent (e.g. sorted by the keys): runs of equal normalized
 * keys become group ids, the same aggregate kernels as {@link HashAggregate} run over them, and each group is
 * emitted as soon as its run ends, so memory holds only the open group. A key that shows up again after its run
 * ended starts a new group (the input was not clustered).
 *
 * @example
 * ```ts
 * const op = new SortAggregate({ inputSchema, groupBy: [0], aggregates: [{ function: sum, args: [1] }] });
 * for (const b of sortedBatches) for (const out of op.add(b)) print(out);
 * for (const out of op.finish()) print(out);
 * ```
 */
export class SortAggregate {
  /** The group-by keys, then one column per aggregate (binary in partial modes). */
  readonly outputSchema: Schema;
  private readonly options: SortAggregateOptions;
  private readonly mode: AggregationMode;
  private readonly keyTypes: readonly DataType[];
  private readonly resolved: readonly ResolvedCall[];
  private readonly aggs: EvaluatorAggregate[];
  private readonly highWaterMarkRows: number;
  private keyBuilders: ColumnBuilder[];
  private aggBuilders: ColumnBuilder[];
  private pendingRows = 0;
  /** Normalized key of the open group (the last run of the previous batch), or null before any row. */
  private openKey: Uint8Array | null = null;
  private encoded: EncodedKeys | undefined;
  private finished = false;

  /**
   * @throws {HiveBatchError} `INVALID_ARGUMENT`, `UNSUPPORTED_TYPE`, `INVALID_FUNCTION_ARGUMENTS` as
   *   `HashAggregate`.
   */
  constructor(options: SortAggregateOptions) {
    this.options = options;
    this.mode = options.mode ?? 'complete';
    const fields = options.inputSchema.fields;
    this.keyTypes = groupKeyTypes(options);
    this.resolved = options.aggregates.map((c) => resolveCall(c, options.inputSchema, this.mode));
    this.aggs = this.resolved.map((r) => new EvaluatorAggregate(r, this.mode));
    this.highWaterMarkRows = options.highWaterMarkRows ?? 1024;
    if (!(this.highWaterMarkRows >= 1)) {
      throw new HiveBatchError('INVALID_ARGUMENT', 'highWaterMarkRows must be positive');
    }
    // Validates the key types (primitive only).
    encodeKeys(
      options.groupBy.map((k) => ({ ...emptyColumn, type: fields[k]?.type ?? HiveTypes.void })),
      0,
    );
    this.outputSchema = aggregateOutputSchema(options, this.resolved, this.mode);
    this.keyBuilders = this.newKeyBuilders();
    this.aggBuilders = this.newAggBuilders();
  }

  private newKeyBuilders(): ColumnBuilder[] {
    const cap = Math.min(this.highWaterMarkRows, 1024);
    return this.keyTypes.map((t) => createColumnBuilder(t, { initialCapacity: cap }));
  }

  private newAggBuilders(): ColumnBuilder[] {
    const cap = Math.min(this.highWaterMarkRows, 1024);
    return this.aggs.map((a) => createColumnBuilder(a.outputType, { initialCapacity: cap }));
  }

  private checkAbort(): void {
    if (this.options.signal?.aborted === true) {
      throw new HiveBatchError('ABORTED', 'Sort aggregation was aborted', {
        cause: this.options.signal.reason,
      });
    }
  }

  /**
   * Consumes one batch; returns the output batches completed so far (groups whose run has ended).
   * @throws {HiveBatchError} `ABORTED`; `INVALID_ARGUMENT` after `finish`.
   */
  add(batch: ColumnBatch): ColumnBatch[] {
    this.checkAbort();
    if (this.finished) throw new HiveBatchError('INVALID_ARGUMENT', 'add() after finish()');
    const n = batch.numRows;
    if (n === 0) return [];
    this.encoded = encodeKeys(
      this.options.groupBy.map((k) => batch.columns[k] as Column),
      n,
      this.encoded,
    );
    const out: ColumnBatch[] = [];
    if (this.openKey != null && !sameBytes(this.openKey, this.keyAt(0))) {
      // The open group's run ended at the batch boundary.
      this.emitGroup(0, this.openKey, out);
      for (const agg of this.aggs) agg.retainGroups(0);
    }
    const gids = new Int32Array(n);
    const starts = runBoundaries(this.encoded, { numRows: n, out: gids });
    const groups = starts.length;
    for (const agg of this.aggs) {
      agg.ensureGroups(groups);
      if (consumesRows(this.mode)) agg.accumulate(gids, batch, n);
      else agg.merge(gids, batch, n);
    }
    // Groups 0..groups-2 are complete. A group continuing from the previous batch has the same key bytes at
    // row 0, so every group's key can be read at its first row here.
    for (let g = 0; g < groups - 1; g++) this.emitGroup(g, this.keyAt(starts[g] ?? 0), out);
    this.openKey = this.keyAt(starts[groups - 1] ?? 0);
    for (const agg of this.aggs) {
      agg.moveGroup(groups - 1, 0);
      agg.retainGroups(1);
    }
    return out;
  }

  /** Key bytes of row `row` of the current batch (a copy). */
  private keyAt(row: number): Uint8Array {
    const enc = this.encoded;
    if (enc == null) return new Uint8Array(0);
    return enc.bytes.slice(enc.offsets[row] ?? 0, enc.offsets[row + 1] ?? 0);
  }

  private emitGroup(g: number, key: Uint8Array, out: ColumnBatch[]): void {
    appendDecodedKey(key, this.keyTypes, this.keyBuilders);
    this.aggs.forEach((agg, a) => {
      const b = this.aggBuilders[a];
      if (b != null) agg.emit(b, g, g + 1);
    });
    this.pendingRows++;
    if (this.pendingRows >= this.highWaterMarkRows) out.push(this.flush());
  }

  private flush(): ColumnBatch {
    const columns = [...this.keyBuilders, ...this.aggBuilders].map((b) => b.finish());
    const batch: ColumnBatch = { schema: this.outputSchema, columns, numRows: this.pendingRows };
    this.pendingRows = 0;
    return batch;
  }

  /**
   * Ends the input: emits the open group (or, for a global aggregate over no rows outside the partial modes,
   * the one empty group) and the last partial output batch.
   * @throws {HiveBatchError} `ABORTED`; `INVALID_ARGUMENT` when called twice.
   */
  finish(): ColumnBatch[] {
    this.checkAbort();
    if (this.finished) throw new HiveBatchError('INVALID_ARGUMENT', 'finish() called twice');
    this.finished = true;
    const out: ColumnBatch[] = [];
    if (this.openKey != null) {
      this.emitGroup(0, this.openKey, out);
    } else if (this.keyTypes.length === 0 && !emitsPartials(this.mode)) {
      for (const agg of this.aggs) agg.ensureGroups(1);
      this.emitGroup(0, new Uint8Array(0), out);
    }
    if (this.pendingRows > 0) out.push(this.flush());
    return out;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const emptyColumn: Column = {
  type: HiveTypes.void,
  layout: 'null',
  length: 0,
  nullCount: 0,
  validity: null,
};

/**
 * Runs a {@link SortAggregate} over an input stream of clustered batches.
 *
 * @param input - batches with equal group keys adjacent.
 * @param options - see {@link SortAggregateOptions}.
 * @returns the output batches, each group as soon as its run ends.
 * @throws {HiveBatchError} as {@link SortAggregate}.
 * @example
 * ```ts
 * for await (const b of sortAggregate(sorted, { inputSchema, groupBy: [0], aggregates })) print(b);
 * ```
 */
export async function* sortAggregate(
  input: Iterable<ColumnBatch> | AsyncIterable<ColumnBatch>,
  options: SortAggregateOptions,
): AsyncGenerator<ColumnBatch> {
  const op = new SortAggregate(options);
  for await (const batch of input) yield* op.add(batch);
  yield* op.finish();
}
