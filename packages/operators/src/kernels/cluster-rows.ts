import type { Column, ColumnBatch, FixedColumn } from '@hive-batch/core';

/** Group ids per cluster: 8192 groups × 8-byte slots = 64 KiB of each state array, an L2-sized window. */
const CLUSTER_SHIFT = 13;

/** Rows of a batch reordered so that group ids ascend by cluster, and the matching group-id column. */
export interface ClusteredRows {
  readonly batch: ColumnBatch;
  readonly groupIds: Int32Array;
}

function gatherFixed(c: FixedColumn, order: Int32Array, n: number): FixedColumn {
  const src = c.values;
  const values = new (src.constructor as new (len: number) => typeof src)(n);
  for (let j = 0; j < n; j++) values[j] = src[order[j]!]!;
  let validity: Uint8Array | null = null;
  if (c.validity != null && c.nullCount > 0) {
    const from = c.validity;
    const to = new Uint8Array((n + 7) >> 3);
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      if ((from[i >> 3]! & (1 << (i & 7))) !== 0) to[j >> 3]! |= 1 << (j & 7);
    }
    validity = to;
  }
  return { ...c, length: n, validity, values };
}

/**
 * Reorders rows by group-id cluster (a stable counting sort on `groupId >> 13`) so the per-aggregate kernels then
 * sweep each accumulator array window by window instead of jumping across megabytes per row; rows of one group
 * keep their relative order, so order-sensitive aggregates see the same sequence. Only the columns in `used`
 * are gathered (they must be fixed-width); others are left out of the result (`null` layout placeholder).
 * Returns `null` when a used column is not fixed-width (the caller keeps the original order).
 */
export function clusterRows(
  batch: ColumnBatch,
  groupIds: Int32Array,
  used: readonly number[],
): ClusteredRows | null {
  const n = batch.numRows;
  for (const k of used) if (batch.columns[k]?.layout !== 'fixed') return null;
  let maxCluster = 0;
  for (let i = 0; i < n; i++) {
    const c = groupIds[i]! >> CLUSTER_SHIFT;
    if (c > maxCluster) maxCluster = c;
  }
  const starts = new Int32Array(maxCluster + 2);
  for (let i = 0; i < n; i++) starts[(groupIds[i]! >> CLUSTER_SHIFT) + 1]! += 1;
  for (let c = 0; c <= maxCluster; c++) starts[c + 1]! += starts[c]!;
  const order = new Int32Array(n);
  const sortedIds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groupIds[i]!;
    const at = starts[g >> CLUSTER_SHIFT]!++;
    order[at] = i;
    sortedIds[at] = g;
  }
  const columns: Column[] = batch.columns.map((c, k) =>
    used.includes(k) && c.layout === 'fixed'
      ? gatherFixed(c, order, n)
      : { type: c.type, layout: 'null', length: n, nullCount: n, validity: null },
  );
  return { batch: { schema: batch.schema, columns, numRows: n }, groupIds: sortedIds };
}
