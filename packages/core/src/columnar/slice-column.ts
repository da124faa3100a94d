import { HiveBatchError } from '../errors/hive-batch-error';
import type { Column, ColumnBatch } from './column';
import { copyBits, countZeroBits } from './validity';

function checkRange(length: number, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
    throw new HiveBatchError('INVALID_ARGUMENT', `Slice [${start}, ${end}) is outside [0, ${length}]`);
  }
}

/** Bits `[start, start + length)` of a bitmap re-based to bit 0: a view when byte-aligned, else a copy. */
function sliceBitmap(bitmap: Uint8Array, start: number, length: number): Uint8Array {
  if ((start & 7) === 0) return bitmap.subarray(start >> 3, (start + length + 7) >> 3);
  const out = new Uint8Array((length + 7) >> 3);
  copyBits(bitmap, out, { srcOffset: start, dstOffset: 0, length });
  return out;
}

/**
 * Rows `[start, end)` of a column.
 *
 * What is shared with the input (views) and what is copied:
 * - values of `fixed` and `decimal` columns, `offsets` of `varbinary`/`list`/`map`: views (`subarray`);
 * - `data` of `varbinary` and the children of `list`/`map`: the input's, unchanged, so `offsets[0]` of the
 *   slice is generally not 0 (as Arrow allows); read through `offsets`, never from `data[0]`;
 * - `struct` children: sliced the same way;
 * - validity bitmaps and `bool` values: views when `start` is a multiple of 8, else re-based copies.
 *
 * @param column - any column
 * @param start - first row, inclusive
 * @param end - last row, exclusive
 * @returns a column of `end - start` rows
 * @throws {HiveBatchError} `INVALID_ARGUMENT` unless `0 ≤ start ≤ end ≤ column.length`
 * @example
 * ```ts
 * sliceColumn(columnFromValues(HiveTypes.int, [1, 2, 3]), 1, 3); // Int32Array view [2, 3]
 * ```
 */
export function sliceColumn(column: Column, start: number, end: number): Column {
  checkRange(column.length, start, end);
  const length = end - start;
  if (column.layout === 'null') return { ...column, length, nullCount: length };
  let validity: Uint8Array | null = null;
  let nullCount = 0;
  if (column.validity != null && column.nullCount > 0) {
    nullCount = countZeroBits(column.validity, start, length);
    if (nullCount > 0) validity = sliceBitmap(column.validity, start, length);
  }
  const base = { type: column.type, length, nullCount, validity };
  switch (column.layout) {
    case 'bool':
      return { ...base, layout: 'bool', values: sliceBitmap(column.values, start, length) };
    case 'fixed':
      return { ...base, layout: 'fixed', values: column.values.subarray(start, end) };
    case 'decimal':
      return {
        ...base,
        layout: 'decimal',
        width: column.width,
        values: column.values.subarray(start * column.width, end * column.width),
      };
    case 'varbinary':
      return {
        ...base,
        layout: 'varbinary',
        offsets: column.offsets.subarray(start, end + 1),
        data: column.data,
      };
    case 'list':
      return {
        ...base,
        layout: 'list',
        offsets: column.offsets.subarray(start, end + 1),
        child: column.child,
      };
    case 'map':
      return {
        ...base,
        layout: 'map',
        offsets: column.offsets.subarray(start, end + 1),
        keys: column.keys,
        values: column.values,
      };
    case 'struct':
      return { ...base, layout: 'struct', children: column.children.map((c) => sliceColumn(c, start, end)) };
  }
}

/**
 * Rows `[start, end)` of a batch; every column is sliced with {@link sliceColumn} (same view/copy rules).
 *
 * @param batch - a batch
 * @param start - first row, inclusive
 * @param end - last row, exclusive
 * @returns a batch of `end - start` rows with the same schema
 * @throws {HiveBatchError} `INVALID_ARGUMENT` unless `0 ≤ start ≤ end ≤ batch.numRows`
 * @example
 * ```ts
 * sliceBatch(batch, 0, 10).numRows; // 10
 * ```
 */
export function sliceBatch(batch: ColumnBatch, start: number, end: number): ColumnBatch {
  checkRange(batch.numRows, start, end);
  return {
    schema: batch.schema,
    columns: batch.columns.map((c) => sliceColumn(c, start, end)),
    numRows: end - start,
  };
}
