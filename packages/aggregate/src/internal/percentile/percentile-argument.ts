import { getValue } from '@hive-batch/core';
import type { Column } from '@hive-batch/core';

function sameValues(
  values: ArrayLike<number | bigint>,
  rows: { readonly from: number; readonly to: number },
): boolean {
  const first = values[rows.from];
  for (let i = rows.from + 1; i < rows.to; i++) if (!Object.is(values[i], first)) return false;
  return true;
}

/**
 * The percentile argument when every row of the batch carries the same one — a literal, as in practice —
 * so it is read and interned once per batch instead of once per row; `undefined` when rows differ (or the
 * layout is not one checked here). `null` means every row is NULL.
 */
export function percentileArgumentOfBatch(column: Column, numRows: number): unknown {
  if (numRows === 0 || column.layout === 'null' || column.nullCount === numRows) return null;
  if (column.nullCount !== 0) return undefined;
  if (column.layout === 'fixed') {
    return sameValues(column.values, { from: 0, to: numRows }) ? getValue(column, 0) : undefined;
  }
  if (column.layout === 'list' && column.child.layout === 'fixed' && column.child.nullCount === 0) {
    const { offsets } = column;
    const child = column.child.values;
    const width = offsets[1]! - offsets[0]!;
    for (let r = 1; r < numRows; r++) {
      if (offsets[r + 1]! - offsets[r]! !== width) return undefined;
      for (let k = 0; k < width; k++)
        if (!Object.is(child[offsets[r]! + k], child[offsets[0]! + k])) return undefined;
    }
    return getValue(column, 0);
  }
  return undefined;
}

/**
 * {@link percentileArgumentOfBatch} remembering its last answer: the operator passes a constant argument as
 * the same buffer every batch, so a batch no longer than an already checked one over that buffer is known.
 */
export class BatchPercentileArgument {
  private buffer: unknown = null;
  private checkedRows = 0;
  private value: unknown = undefined;

  of(column: Column, numRows: number): unknown {
    const buffer = column.layout === 'fixed' ? column.values : column.layout === 'list' ? column.child : null;
    if (buffer != null && buffer === this.buffer && numRows <= this.checkedRows && column.nullCount === 0) {
      return this.value;
    }
    const value = percentileArgumentOfBatch(column, numRows);
    this.buffer = value === undefined || column.nullCount !== 0 ? null : buffer;
    this.checkedRows = numRows;
    this.value = value;
    return value;
  }
}
