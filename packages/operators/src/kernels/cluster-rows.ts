import type { Column, ColumnBatch, FixedColumn } from '@hive-batch/core';

/** Group ids per cluster: 8192 groups × 8-byte slots = 64 KiB of each state array, an L2-sized window. */
const CLUSTER_SHIFT = 13;

/** Rows of one or more batches reordered so that group ids ascend by cluster, and the matching group-id column. */
export interface ClusteredRows {
  readonly batch: ColumnBatch;
  readonly groupIds: Int32Array;
}

/** Writes column `k` of every batch to its destination rows (`dest[r]` for the r-th row overall). */
function scatterFixed(batches: readonly ColumnBatch[], k: number, dest: Int32Array): FixedColumn {
  const n = dest.length;
  const first = batches[0]!.columns[k] as FixedColumn;
  const values = new (first.values.constructor as new (len: number) => typeof first.values)(n);
  const anyNulls = batches.some((b) => (b.columns[k] as FixedColumn).nullCount > 0);
  const validity = anyNulls ? new Uint8Array((n + 7) >> 3) : null;
  let nullCount = 0;
  let offset = 0;
  for (const b of batches) {
    const c = b.columns[k] as FixedColumn;
    const src = c.values;
    const from = c.validity;
    const m = b.numRows;
    for (let i = 0; i < m; i++) values[dest[offset + i]!] = src[i]!;
    if (validity != null) {
      for (let i = 0; i < m; i++) {
        if (from != null && c.nullCount > 0 && (from[i >> 3]! & (1 << (i & 7))) === 0) {
          nullCount++;
          continue;
        }
        const j = dest[offset + i]!;
        validity[j >> 3]! |= 1 << (j & 7);
      }
    }
    offset += m;
  }
  return { type: first.type, layout: 'fixed', length: n, nullCount, validity, values };
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
  const columns: Column[] = first.columns.map((c, k) =>
    used.includes(k)
      ? scatterFixed(batches, k, dest)
      : { type: c.type, layout: 'null', length: n, nullCount: n, validity: null },
  );
  return { batch: { schema: first.schema, columns, numRows: n }, groupIds: sortedIds };
}
