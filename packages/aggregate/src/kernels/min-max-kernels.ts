import type { NumberValues } from './numeric-column';

/**
 * max/min over number columns with Hive's row-mode comparison: NaN is greater than everything, -0.0 equals
 * 0.0 (ties keep the first value seen).
 */
export function maxNumberKernel(
  slots: { readonly value: Float64Array; readonly has: Uint8Array },
  groupIds: Int32Array,
  column: { readonly values: NumberValues; readonly validity: Uint8Array | null; readonly numRows: number },
): void {
  const { value, has } = slots;
  const { values, validity, numRows } = column;
  for (let i = 0; i < numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    const v = values[i]!;
    if (has[g] === 0) {
      value[g] = v;
      has[g] = 1;
      continue;
    }
    const b = value[g]!;
    // b < v, or v is NaN while b is not (Double.compare puts NaN last).
    if (b < v || (v !== v && b === b)) value[g] = v;
  }
}

export function minNumberKernel(
  slots: { readonly value: Float64Array; readonly has: Uint8Array },
  groupIds: Int32Array,
  column: { readonly values: NumberValues; readonly validity: Uint8Array | null; readonly numRows: number },
): void {
  const { value, has } = slots;
  const { values, validity, numRows } = column;
  for (let i = 0; i < numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    const v = values[i]!;
    if (has[g] === 0) {
      value[g] = v;
      has[g] = 1;
      continue;
    }
    const b = value[g]!;
    if (b > v || (b !== b && v === v)) value[g] = v;
  }
}

/** max/min over bigint/timestamp columns. */
export function extremeBigintKernel(
  slots: { readonly value: BigInt64Array; readonly has: Uint8Array; readonly max: boolean },
  groupIds: Int32Array,
  column: { readonly values: BigInt64Array; readonly validity: Uint8Array | null; readonly numRows: number },
): void {
  const { value, has, max } = slots;
  const { values, validity, numRows } = column;
  for (let i = 0; i < numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    const v = values[i]!;
    if (has[g] === 0 || (max ? value[g]! < v : value[g]! > v)) {
      value[g] = v;
      has[g] = 1;
    }
  }
}
