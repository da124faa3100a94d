import type { PercentileStore } from './percentile-store';

/** One batch of one call site: the value column's buffers and each row's percentile ref. */
export interface PercentileBatch<TValues> {
  readonly values: TValues;
  readonly validity: Uint8Array | null;
  readonly numRows: number;
  /** The percentile ref of row `row` (0 when it has none); used when the pending rows keep refs per row. */
  readonly refAt: (row: number) => number;
  /** Hive's range check when a group takes `ref` (returns it). */
  readonly checked: (ref: number) => number;
}

/** The kernels read a long as two int32 words, low word first: true on every platform Node runs on today. */
export const LITTLE_ENDIAN: boolean = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The high word of longs in [−2^53, 2^53) lies in [−2^21, 2^21). */
const MIN_EXACT_HIGH = -0x20_0000;
const MAX_EXACT_HIGH = 0x1f_ffff;
const TWO_POW_32 = 4_294_967_296;

/**
 * A row whose value does not go to the pending log (NULL, or a long beyond ±2^53) still hands its percentile
 * argument to its group: at once when the log's rows share one ref, else through the log as −ref (row order).
 */
function percentileOnly(store: PercentileStore, g: number, ref: number): void {
  const pending = store.pending;
  if (pending.ref != null) return;
  if (ref === 0) return;
  pending.groups[pending.length] = g;
  pending.values[pending.length] = 0;
  pending.refs![pending.length++] = -ref;
}

/**
 * `percentile` over a bigint column without creating a BigInt per row: the column's buffer is read as
 * (lo, hi) int32 pairs and `hi · 2^32 + lo` (unsigned lo) is the exact double whenever hi is in range. Rows
 * go to the pending log (see {@link PendingRows}); longs beyond ±2^53 go straight to the group's bigint
 * buffer.
 */
export function accumulateLongColumn(
  store: PercentileStore,
  groupIds: Int32Array,
  batch: PercentileBatch<BigInt64Array>,
): void {
  const { values, validity, numRows, refAt, checked } = batch;
  const pending = store.pending;
  pending.reserve(numRows);
  const uniformRef = pending.ref;
  const percentiles = store.percentiles;
  const pg = pending.groups;
  const pv = pending.values;
  const pr = pending.refs;
  const words = new Int32Array(values.buffer, values.byteOffset, numRows * 2);
  let len = pending.length;
  for (let r = 0; r < numRows; r++) {
    const g = groupIds[r]!;
    const hi = words[2 * r + 1]!;
    const isValue = validity == null || (validity[r >> 3]! & (1 << (r & 7))) !== 0;
    if (isValue && hi >= MIN_EXACT_HIGH && hi <= MAX_EXACT_HIGH) {
      pg[len] = g;
      pv[len] = hi * TWO_POW_32 + (words[2 * r]! >>> 0);
      if (uniformRef == null) pr![len] = refAt(r);
      len++;
      continue;
    }
    if (isValue) store.groupObject(g).pushWide(values[r]!);
    if (uniformRef == null) {
      pending.length = len;
      percentileOnly(store, g, refAt(r));
      len = pending.length;
    } else if (uniformRef !== 0 && percentiles[g] === 0) {
      percentiles[g] = checked(uniformRef);
    }
  }
  pending.length = len;
}

/** `percentile_cont/disc` over a double column; `+ 0` turns -0.0 into 0.0, which a Map key always was. */
export function accumulateDoubleColumn(
  store: PercentileStore,
  groupIds: Int32Array,
  batch: PercentileBatch<Float64Array>,
): void {
  const { values, validity, numRows, refAt, checked } = batch;
  const pending = store.pending;
  pending.reserve(numRows);
  const uniformRef = pending.ref;
  const percentiles = store.percentiles;
  const pg = pending.groups;
  const pv = pending.values;
  const pr = pending.refs;
  let len = pending.length;
  for (let r = 0; r < numRows; r++) {
    const g = groupIds[r]!;
    if (validity == null || (validity[r >> 3]! & (1 << (r & 7))) !== 0) {
      pg[len] = g;
      pv[len] = values[r]! + 0;
      if (uniformRef == null) pr![len] = refAt(r);
      len++;
    } else if (uniformRef == null) {
      pending.length = len;
      percentileOnly(store, g, refAt(r));
      len = pending.length;
    } else if (uniformRef !== 0 && percentiles[g] === 0) {
      percentiles[g] = checked(uniformRef);
    }
  }
  pending.length = len;
}

/**
 * Few groups: their storage stays in cache, so rows go straight to their groups (no pending log). Hive's rule
 * per row: a group without percentiles takes the row's, then a non-NULL value is added.
 */
export function accumulateLongDirect(
  store: PercentileStore,
  groupIds: Int32Array,
  batch: PercentileBatch<BigInt64Array> & { readonly constantRef: number | null },
): void {
  const { values, validity, numRows, refAt, checked, constantRef } = batch;
  const percentiles = store.percentiles;
  const words = new Int32Array(values.buffer, values.byteOffset, numRows * 2);
  for (let r = 0; r < numRows; r++) {
    const g = groupIds[r]!;
    if (percentiles[g] === 0) {
      const ref = constantRef ?? refAt(r);
      if (ref !== 0) percentiles[g] = checked(ref);
    }
    if (validity != null && (validity[r >> 3]! & (1 << (r & 7))) === 0) continue;
    const hi = words[2 * r + 1]!;
    if (hi >= MIN_EXACT_HIGH && hi <= MAX_EXACT_HIGH)
      store.append(g, hi * TWO_POW_32 + (words[2 * r]! >>> 0));
    else store.groupObject(g).pushWide(values[r]!);
  }
}

/** {@link accumulateLongDirect} for double keys. */
export function accumulateDoubleDirect(
  store: PercentileStore,
  groupIds: Int32Array,
  batch: PercentileBatch<Float64Array> & { readonly constantRef: number | null },
): void {
  const { values, validity, numRows, refAt, checked, constantRef } = batch;
  const percentiles = store.percentiles;
  for (let r = 0; r < numRows; r++) {
    const g = groupIds[r]!;
    if (percentiles[g] === 0) {
      const ref = constantRef ?? refAt(r);
      if (ref !== 0) percentiles[g] = checked(ref);
    }
    if (validity != null && (validity[r >> 3]! & (1 << (r & 7))) === 0) continue;
    store.append(g, values[r]! + 0);
  }
}
