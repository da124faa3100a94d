import type { NumberValues } from './numeric-column';

/** AvgDouble: count and double sum per group. */
export function avgDoubleKernel(
  slots: { readonly count: Float64Array; readonly sum: Float64Array },
  groupIds: Int32Array,
  column: { readonly values: NumberValues; readonly validity: Uint8Array | null; readonly numRows: number },
): void {
  const { count, sum } = slots;
  const { values, validity, numRows } = column;
  for (let i = 0; i < numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    count[g]! += 1;
    sum[g]! += values[i]!;
  }
}
