import { HiveBatchError } from '../errors/hive-batch-error';
import type { Schema } from '../types/schema';
import type { ColumnBatch } from './column';
import { createColumnBuilder } from './column-builder';
import type { ColumnBuilder } from './column-builder';

/** Options of {@link ColumnBatchBuilder}. */
export interface ColumnBatchBuilderOptions {
  /** The batch is full at this many rows. Rows. Defaults to `1024` (Hive's `VectorizedRowBatch.DEFAULT_SIZE`). */
  readonly highWaterMarkRows?: number;
  /** The batch is full once its buffers reach this size. Bytes. Defaults to `8 MiB`. */
  readonly highWaterMarkBytes?: number;
}

/** Default row high-water mark. */
export const DEFAULT_HIGH_WATER_MARK_ROWS = 1024;
/** Default byte high-water mark (8 MiB). */
export const DEFAULT_HIGH_WATER_MARK_BYTES: number = 8 * 1024 * 1024;

/**
 * Builds {@link ColumnBatch}es row by row, capped by a row count and a byte size the way Arrow's
 * `builderThroughIterable` caps by `highWaterMark`. `appendRow` never refuses a row; callers check
 * {@link ColumnBatchBuilder.isFull} after each row and call {@link ColumnBatchBuilder.finish}.
 *
 * @example
 * ```ts
 * const b = new ColumnBatchBuilder(schema, { highWaterMarkRows: 2 });
 * b.appendRow([1, 'a']); b.appendRow([2, null]);
 * b.isFull(); // true
 * b.finish(); // ColumnBatch with numRows 2; the builder is empty again
 * ```
 */
export class ColumnBatchBuilder {
  readonly schema: Schema;
  readonly highWaterMarkRows: number;
  readonly highWaterMarkBytes: number;
  private readonly builders: readonly ColumnBuilder[];
  private rows = 0;

  constructor(schema: Schema, options: ColumnBatchBuilderOptions = {}) {
    this.schema = schema;
    this.highWaterMarkRows = options.highWaterMarkRows ?? DEFAULT_HIGH_WATER_MARK_ROWS;
    this.highWaterMarkBytes = options.highWaterMarkBytes ?? DEFAULT_HIGH_WATER_MARK_BYTES;
    if (!(this.highWaterMarkRows >= 1) || !(this.highWaterMarkBytes >= 1)) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `High-water marks must be ≥ 1 (rows ${this.highWaterMarkRows}, bytes ${this.highWaterMarkBytes})`,
      );
    }
    const initialCapacity = Math.min(this.highWaterMarkRows, 1024);
    this.builders = schema.fields.map((f) => createColumnBuilder(f.type, { initialCapacity }));
  }

  /** Rows appended since the last {@link ColumnBatchBuilder.finish}. */
  get numRows(): number {
    return this.rows;
  }

  /** Bytes the batch's buffers will reference (see `ColumnBuilder.byteSize`). */
  get byteSize(): number {
    let sum = 0;
    for (const b of this.builders) sum += b.byteSize;
    return sum;
  }

  /**
   * Appends one row: one value per schema field, in schema order.
   * @throws {HiveBatchError} `INVALID_ARGUMENT` when the row has the wrong number of values
   * @throws {HiveBatchError} `TYPE_MISMATCH` when a value does not fit its column (earlier columns of the row are
   *   then already appended: discard the builder)
   */
  appendRow(values: readonly unknown[]): void {
    if (values.length !== this.builders.length) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Row has ${values.length} values, schema has ${this.builders.length} fields`,
      );
    }
    this.builders.forEach((b, k) => b.append(values[k]));
    this.rows++;
  }

  /** True once either high-water mark is reached. */
  isFull(): boolean {
    return this.rows >= this.highWaterMarkRows || this.byteSize >= this.highWaterMarkBytes;
  }

  /** The rows appended so far as a batch; the builder starts a new, empty batch. */
  finish(): ColumnBatch {
    const batch: ColumnBatch = {
      schema: this.schema,
      columns: this.builders.map((b) => b.finish()),
      numRows: this.rows,
    };
    this.rows = 0;
    return batch;
  }
}
