import type { Column, ColumnBatch, FixedColumn } from '@hive-batch/core';

/** Group ids per cluster: 8192 groups × 8-byte slots = 64 KiB of each state array, an L2-sized window. */
const CLUSTER_SHIFT = 13;

/** Rows of one or more batches reordered so that group ids ascend by cluster, and the matching group-id column. */
export interface ClusteredRows {
  readonly batch: ColumnBatch;
  readonly groupIds: Int32Array;
}

/** An empty `n`-row column like column `k` of the batches: values, and a clear bitmap if any row is NULL. */
function emptyLike(
  batches: readonly ColumnBatch[],
  k: number,
  n: number,
): {
  readonly type: FixedColumn['type'];
  readonly values: FixedColumn['values'];
  readonly validity: Uint8Array | null;
} {
  const first = batches[0]!.columns[k] as FixedColumn;
  const values = new (first.values.constructor as new (len: number) => typeof first.values)(n);
  const anyNulls = batches.some((b) => (b.columns[k] as FixedColumn).nullCount > 0);
  return { type: first.type, values, validity: anyNulls ? new Uint8Array((n + 7) >> 3) : null };
}

/** The used columns gathered by `gather`, the others as `null`-layout placeholders, `n` rows each. */
function gatheredColumns(
  first: ColumnBatch,
  used: readonly number[],
  options: { readonly n: number; readonly gather: (k: number) => FixedColumn },
): Column[] {
  const { n, gather } = options;
  return first.columns.map((c, k) =>
    used.includes(k) ? gather(k) : { type: c.type, layout: 'null', length: n, nullCount: n, validity: null },
  );
}

/** Writes column `k` of every batch to its destination rows (`dest[r]` for the r-th row overall). */
function scatterFixed(batches: readonly ColumnBatch[], k: number, dest: Int32Array): FixedColumn {
  const n = dest.length;
  const { type, values, validity } = emptyLike(batches, k, n);
  let nullCount = 0;
  let offset = 0;
  for (const b of batches) {
    const c = b.columns[k] as FixedColumn;
    const src = c.values;
    const from = c.validity;
    const m = b.numRows;
    // One loop per case, each writing a row's value and validity bit together.
    if (validity == null) {
      for (let i = 0; i < m; i++) values[dest[offset + i]!] = src[i]!;
    } else if (from == null || c.nullCount === 0) {
      for (let i = 0; i < m; i++) {
        const j = dest[offset + i]!;
        values[j] = src[i]!;
        validity[j >> 3]! |= 1 << (j & 7);
      }
    } else {
      for (let i = 0; i < m; i++) {
        const j = dest[offset + i]!;
        values[j] = src[i]!;
        if ((from[i >> 3]! & (1 << (i & 7))) === 0) nullCount++;
        else validity[j >> 3]! |= 1 << (j & 7);
      }
    }
    offset += m;
  }
  return { type, layout: 'fixed', length: n, nullCount, validity, values };
}

/**
 * Reorders the rows of `batches` (taken in order, `groupIds[r]` for the r-th row overall) by group-id cluster — a
 * stable counting sort on `groupId >> 13` — so that kernels sweep each accumulator window by window instead of
 * jumping across megabytes per row; rows of one group keep their relative order, so order-sensitive aggregates
 * see the same sequence. The more rows go in at once, the denser each window's accesses. Only the columns in
 * `used` are gathered (they must be fixed-width); others become `null`-layout placeholders. Returns `null` when a
 * used column is not fixed-width (the caller keeps the original order).
 */
export function clusterRows(
  batches: readonly ColumnBatch[],
  groupIds: Int32Array,
  used: readonly number[],
): ClusteredRows | null {
  const first = batches[0];
  if (first == null) return null;
  for (const b of batches) for (const k of used) if (b.columns[k]?.layout !== 'fixed') return null;
  const n = batches.reduce((sum, b) => sum + b.numRows, 0);
  let maxCluster = 0;
  for (let i = 0; i < n; i++) {
    const c = groupIds[i]! >> CLUSTER_SHIFT;
    if (c > maxCluster) maxCluster = c;
  }
  if (maxCluster === 0) return concatenated(batches, groupIds, used);
  const starts = new Int32Array(maxCluster + 2);
  for (let i = 0; i < n; i++) starts[(groupIds[i]! >> CLUSTER_SHIFT) + 1]! += 1;
  for (let c = 0; c <= maxCluster; c++) starts[c + 1]! += starts[c]!;
  const dest = new Int32Array(n);
  const sortedIds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groupIds[i]!;
    const at = starts[g >> CLUSTER_SHIFT]!++;
    dest[i] = at;
    sortedIds[at] = g;
  }
  const columns = gatheredColumns(first, used, { n, gather: (k) => scatterFixed(batches, k, dest) });
  return { batch: { schema: first.schema, columns, numRows: n }, groupIds: sortedIds };
}

/**
 * Every group id in the first cluster (a few thousand groups, or a large per-group state held back for long
 * runs): the rows are already in cluster order, so they are only laid end to end, with block copies instead of
 * a scatter through a destination index.
 */
function concatenated(
  batches: readonly ColumnBatch[],
  groupIds: Int32Array,
  used: readonly number[],
): ClusteredRows {
  const first = batches[0]!;
  if (batches.length === 1) return { batch: first, groupIds };
  const n = groupIds.length;
  const columns = gatheredColumns(first, used, { n, gather: (k) => concatFixed(batches, k, n) });
  return { batch: { schema: first.schema, columns, numRows: n }, groupIds };
}

/** Column `k` of every batch, end to end (`n` rows in all). */
function concatFixed(batches: readonly ColumnBatch[], k: number, n: number): FixedColumn {
  const { type, values, validity } = emptyLike(batches, k, n);
  let nullCount = 0;
  let offset = 0;
  for (const b of batches) {
    const c = b.columns[k] as FixedColumn;
    const m = b.numRows;
    (values as { set(a: ArrayLike<unknown>, at: number): void }).set(c.values.subarray(0, m), offset);
    if (validity != null) {
      const from = c.nullCount > 0 ? c.validity : null;
      if (from != null) nullCount += copyBits(from, m, { to: validity, at: offset });
      else setBits(validity, offset, offset + m);
    }
    offset += m;
  }
  return { type, layout: 'fixed', length: n, nullCount, validity, values };
}

/** Copies bits `0..m-1` of `from` to bits `at…` of `to` (whose bits there are clear); returns the clear ones. */
function copyBits(
  from: Uint8Array,
  m: number,
  dest: { readonly to: Uint8Array; readonly at: number },
): number {
  const { to, at } = dest;
  let clear = 0;
  if ((at & 7) === 0) {
    // Byte-aligned (batches of a multiple of 8 rows): whole bytes, the last one masked to the batch's rows.
    const whole = m >> 3;
    const base = at >> 3;
    for (let i = 0; i < whole; i++) {
      const b = from[i]!;
      to[base + i] = b;
      clear += 8 - popcount8(b);
    }
    for (let i = whole << 3; i < m; i++) {
      if ((from[i >> 3]! & (1 << (i & 7))) === 0) clear++;
      else to[(at + i) >> 3]! |= 1 << ((at + i) & 7);
    }
    return clear;
  }
  for (let i = 0; i < m; i++) {
    if ((from[i >> 3]! & (1 << (i & 7))) === 0) clear++;
    else to[(at + i) >> 3]! |= 1 << ((at + i) & 7);
  }
  return clear;
}

function setBits(to: Uint8Array, lo: number, hi: number): void {
  for (let j = lo; j < hi; j++) to[j >> 3]! |= 1 << (j & 7);
}

function popcount8(b: number): number {
  let v = b - ((b >> 1) & 0x55);
  v = (v & 0x33) + ((v >> 2) & 0x33);
  return (v + (v >> 4)) & 0x0f;
}
