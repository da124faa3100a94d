import type { Column } from '@hive-batch/core';
import { isValid } from './numeric-column';

/** count(*): every row counts. */
export function countStarKernel(counts: Float64Array, groupIds: Int32Array, numRows: number): void {
  for (let i = 0; i < numRows; i++) counts[groupIds[i]!]! += 1;
}

/** count(e1, …, en): a row counts when every argument is non-NULL. */
export function countNonNullKernel(
  counts: Float64Array,
  groupIds: Int32Array,
  args: { readonly columns: readonly Column[]; readonly numRows: number },
): void {
  const { columns, numRows } = args;
  if (columns.some((c) => c.layout === 'null')) return;
  const validities = columns.map((c) => c.validity).filter((v): v is Uint8Array => v != null);
  if (validities.length === 0) {
    countStarKernel(counts, groupIds, numRows);
    return;
  }
  if (validities.length === 1) {
    const v = validities[0]!;
    for (let i = 0; i < numRows; i++) if ((v[i >> 3]! & (1 << (i & 7))) !== 0) counts[groupIds[i]!]! += 1;
    return;
  }
  outer: for (let i = 0; i < numRows; i++) {
    for (let k = 0; k < validities.length; k++) if (!isValid(validities[k]!, i)) continue outer;
    counts[groupIds[i]!]! += 1;
  }
}
