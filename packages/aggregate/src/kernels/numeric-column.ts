import type { Column } from '@hive-batch/core';

/** Typed arrays whose elements read as JS numbers. */
export type NumberValues = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/**
 * The values of a fixed-width numeric column as numbers (Java's widening to double), or `null` when the column
 * needs the generic row path (strings, decimals, timestamps, …). A bigint column is converted once per batch
 * (Number(bigint) rounds to nearest-even, like Java's long → double).
 */
export function numberValuesOf(column: Column, numRows: number): NumberValues | null {
  if (column.layout !== 'fixed') return null;
  const k = column.type.kind;
  if (
    k !== 'tinyint' &&
    k !== 'smallint' &&
    k !== 'int' &&
    k !== 'bigint' &&
    k !== 'float' &&
    k !== 'double'
  ) {
    return null;
  }
  const v = column.values;
  if (v instanceof BigInt64Array) {
    const out = new Float64Array(numRows);
    for (let i = 0; i < numRows; i++) out[i] = Number(v[i]!);
    return out;
  }
  return v;
}

/** Validity bit of row `i` (bitmap `null` = no NULLs). */
export function isValid(validity: Uint8Array | null, i: number): boolean {
  return validity == null || (validity[i >> 3]! & (1 << (i & 7))) !== 0;
}
