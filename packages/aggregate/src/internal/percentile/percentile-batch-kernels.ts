/* eslint-disable @typescript-eslint/no-non-null-assertion -- typed-array code whose indices are in range by construction, as in src/kernels/** */
import type { Column } from '@hive-batch/core';
import type { PercentileStore } from './percentile-store';

/** Sets group `g`'s percentiles from row `row` of the percentile column when that row has one (Hive's rule). */
export type TakePercentiles = (g: number, percentileColumn: Column, row: number) => void;

/** One batch of one call site: the value column's buffers and the percentile argument. */
export interface PercentileBatch<TValues> {
  readonly values: TValues;
  readonly validity: Uint8Array | null;
  readonly numRows: number;
  readonly percentileColumn: Column;
  readonly takePercentiles: TakePercentiles;
}

/** The kernels read a long as two int32 words, low word first: true on every platform Node runs on today. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The high word of longs in [−2^53, 2^53) lies in [−2^21, 2^21). */
const MIN_EXACT_HIGH = -0x20_0000;
const MAX_EXACT_HIGH = 0x1f_ffff;
const TWO_POW_32 = 4_294_967_296;

/**
 * `percentile` over a bigint column without creating a BigInt per row: the column's buffer is read as
 * (lo, hi) int32 pairs and `hi · 2^32 + lo` (unsigned lo) is the exact double whenever hi is in range; other
 * longs (beyond ±2^53) go to the group's bigint buffer. Row order and the percentile rule match `accumulate`.
 */
export function accumulateLongColumn(
  store: PercentileStore,
  groupIds: Int32Array,
  batch: PercentileBatch<BigInt64Array>,
): void {
  const { values, validity, numRows, percentileColumn, takePercentiles } = batch;
  const words = new Int32Array(values.buffer, values.byteOffset, numRows * 2);
  const percentiles = store.percentiles;
  for (let r = 0; r < numRows; r++) {
    const g = groupIds[r]!;
    if (percentiles[g] === 0) takePercentiles(g, percentileColumn, r);
    if (validity != null && (validity[r >> 3]! & (1 << (r & 7))) === 0) continue;
    const hi = words[2 * r + 1]!;
    if (hi >= MIN_EXACT_HIGH && hi <= MAX_EXACT_HIGH)
      store.append(g, hi * TWO_POW_32 + (words[2 * r]! >>> 0));
    else store.groupObject(g).pushWide(values[r]!);
  }
}

/** `percentile_cont/disc` over a double column; `+ 0` turns -0.0 into 0.0, which a Map key always was. */
export function accumulateDoubleColumn(
  store: PercentileStore,
  groupIds: Int32Array,
  batch: PercentileBatch<Float64Array>,
): void {
  const { values, validity, numRows, percentileColumn, takePercentiles } = batch;
  const percentiles = store.percentiles;
  for (let r = 0; r < numRows; r++) {
    const g = groupIds[r]!;
    if (percentiles[g] === 0) takePercentiles(g, percentileColumn, r);
    if (validity != null && (validity[r >> 3]! & (1 << (r & 7))) === 0) continue;
    store.append(g, values[r]! + 0);
  }
}
