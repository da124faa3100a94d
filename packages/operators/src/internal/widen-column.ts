import type { Column, DataType } from '@hive-batch/core';

const INTEGRAL = new Set(['tinyint', 'smallint', 'int']);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;

/**
 * The exact numeric widenings an aggregate's implicit argument conversion needs most (tinyint/smallint/int →
 * bigint, → int, → double; float → double) done on the typed arrays, or `null` for any other conversion (the
 * caller then casts value by value). Same values as core's castValue: every one of these widenings is exact.
 * bigint values are written as two int32 words, so no BigInt is created per row.
 */
export function widenNumberColumn(column: Column, to: DataType, numRows: number): Column | null {
  if (column.layout !== 'fixed' || column.values instanceof BigInt64Array) return null;
  const from = column.type.kind;
  const src = column.values.subarray(0, numRows);
  let values: Float64Array | BigInt64Array | Int32Array;
  if (to.kind === 'bigint' && INTEGRAL.has(from)) {
    const out = new BigInt64Array(numRows);
    const words = new Int32Array(out.buffer);
    for (let i = 0; i < numRows; i++) {
      const v = src[i] ?? 0;
      words[2 * i + LO] = v;
      words[2 * i + HI] = v < 0 ? -1 : 0;
    }
    values = out;
  } else if (to.kind === 'double' && (INTEGRAL.has(from) || from === 'float')) {
    values = Float64Array.from(src);
  } else if (to.kind === 'int' && (from === 'tinyint' || from === 'smallint')) {
    values = Int32Array.from(src);
  } else {
    return null;
  }
  return {
    type: to,
    layout: 'fixed',
    length: numRows,
    nullCount: column.nullCount,
    validity: column.validity,
    values,
  };
}
