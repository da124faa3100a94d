import type { DecimalColumn } from '@hive-batch/core';
import type { NumberValues } from './numeric-column';

/** Beyond ±2^52 the pending f64 integer sum is flushed into the i64 slot so it stays exact. */
const FLUSH_AT = 4_503_599_627_370_496;

/** Integer slots of sum(int family): an exact f64 pending part plus a wrapping i64 part. */
export interface LongSumSlots {
  readonly wrapped: BigInt64Array;
  readonly pending: Float64Array;
  readonly nonEmpty: Uint8Array;
}

/** sum over tinyint/smallint/int columns (exact, wrapping like Java long). */
export function sumIntKernel(
  slots: LongSumSlots,
  groupIds: Int32Array,
  column: { readonly values: NumberValues; readonly validity: Uint8Array | null; readonly numRows: number },
): void {
  const { wrapped, pending, nonEmpty } = slots;
  const { values, validity, numRows } = column;
  for (let i = 0; i < numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    const p = pending[g]! + values[i]!;
    if (p > FLUSH_AT || p < -FLUSH_AT) {
      wrapped[g] = wrapped[g]! + BigInt(p);
      pending[g] = 0;
    } else {
      pending[g] = p;
    }
    nonEmpty[g] = 1;
  }
}

/** sum over a bigint column: BigInt64Array stores wrap modulo 2^64 like Java long addition. */
export function sumBigintKernel(
  slots: LongSumSlots,
  groupIds: Int32Array,
  column: { readonly values: BigInt64Array; readonly validity: Uint8Array | null; readonly numRows: number },
): void {
  const { wrapped, nonEmpty } = slots;
  const { values, validity, numRows } = column;
  for (let i = 0; i < numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    wrapped[g] = wrapped[g]! + values[i]!;
    nonEmpty[g] = 1;
  }
}

/** Folds the pending part into the wrapped part and returns the Java long sum. */
export function longSumOf(slots: LongSumSlots, g: number): bigint {
  return BigInt.asIntN(64, slots.wrapped[g]! + BigInt(slots.pending[g]!));
}

/** sum(float/double): f64 addition in row order. */
export function sumDoubleKernel(
  slots: { readonly sum: Float64Array; readonly nonEmpty: Uint8Array },
  groupIds: Int32Array,
  column: { readonly values: NumberValues; readonly validity: Uint8Array | null; readonly numRows: number },
): void {
  const { sum, nonEmpty } = slots;
  const { values, validity, numRows } = column;
  for (let i = 0; i < numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    sum[g]! += values[i]!;
    nonEmpty[g] = 1;
  }
}

/** Reads the unscaled value of row `i` of a decimal column (64- or 128-bit). */
export function unscaledAt(column: DecimalColumn, i: number): bigint {
  if (column.width === 1) return column.values[i]!;
  const lo = BigInt.asUintN(64, column.values[2 * i]!);
  return (column.values[2 * i + 1]! << 64n) | lo;
}
