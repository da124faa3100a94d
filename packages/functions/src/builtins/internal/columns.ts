import type { BoolColumn, Column, DataType, FixedColumn, FixedValues } from '@hive-batch/core';

/** Number of rows whose validity bit is 0 among the first `n`. */
function countNulls(validity: Uint8Array | null, n: number): number {
  if (validity == null) return 0;
  let nulls = 0;
  for (let i = 0; i < n; i++) if (((validity[i >> 3] ?? 0) & (1 << (i & 7))) === 0) nulls++;
  return nulls;
}

/**
 * Validity of a row-wise function that is NULL when any input is NULL: the AND of the inputs' bitmaps
 * (`null` when no input has NULLs). A `null`-layout input makes every row NULL.
 */
export function combinedValidity(columns: readonly Column[], numRows: number): Uint8Array | null {
  let out: Uint8Array | null = null;
  const bytes = (numRows + 7) >> 3;
  for (const c of columns) {
    if (c.layout === 'null') return new Uint8Array(bytes);
    const v = c.validity;
    if (v == null) continue;
    if (out == null) {
      out = new Uint8Array(bytes);
      out.set(v.subarray(0, bytes));
    } else {
      for (let i = 0; i < bytes; i++) out[i] = (out[i] ?? 0) & (v[i] ?? 0);
    }
  }
  return out;
}

/** A `fixed` column over `values` (taken, not copied). */
export function fixedColumn(type: DataType, values: FixedValues, validity: Uint8Array | null): FixedColumn {
  const length = values.length;
  return { type, layout: 'fixed', length, nullCount: countNulls(validity, length), validity, values };
}

/** A `bool` column with `length` rows over the value bitmap `bits` (taken, not copied). */
export function boolColumn(
  type: DataType,
  bits: Uint8Array,
  shape: { readonly length: number; readonly validity: Uint8Array | null },
): BoolColumn {
  return {
    type,
    layout: 'bool',
    length: shape.length,
    nullCount: countNulls(shape.validity, shape.length),
    validity: shape.validity,
    values: bits,
  };
}

/** Clears validity bits of rows where `nulls[i] === 1` (results NULL although inputs were not). */
export function maskValidity(
  validity: Uint8Array | null,
  nulls: Uint8Array,
  numRows: number,
): Uint8Array | null {
  let out = validity;
  for (let i = 0; i < numRows; i++) {
    if (nulls[i] !== 1) continue;
    if (out == null) out = new Uint8Array((numRows + 7) >> 3).fill(0xff);
    out[i >> 3] = (out[i >> 3] ?? 0) & ~(1 << (i & 7));
  }
  return out;
}
