import { HiveDecimal, InternalError, isNullAt } from '@hive-batch/core';
import type { Column, DataType } from '@hive-batch/core';
import type { AccumulatorState, AggregateEvaluator } from '../contract';

const UTF8 = new TextDecoder('utf-8');

function decimalFromUnscaled(unscaled: bigint, scale: number): unknown {
  const neg = unscaled < 0n;
  let digits = (neg ? -unscaled : unscaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return new HiveDecimal(neg ? `-${digits}` : digits);
}

function isStringType(t: DataType): boolean {
  return t.kind === 'string' || t.kind === 'varchar' || t.kind === 'char';
}

/**
 * Reads row `i` of a column as a core value (NULL → `null`): booleans, numbers (tinyint..int, float,
 * double, date as days), bigints (bigint, timestamp as µs), decimals, strings, `Uint8Array` (binary),
 * arrays (list), `Map` (map) and plain objects keyed by field name (struct).
 *
 * Variable-size aggregates (collections, histograms, sketches) consume values one at a time anyway, so their
 * batch kernels read through this instead of specialising per physical layout.
 */
export function readColumnValue(column: Column, i: number): unknown {
  if (isNullAt(column, i)) return null;
  switch (column.layout) {
    case 'null':
      return null;
    case 'bool':
      return ((column.values[i >> 3] ?? 0) & (1 << (i & 7))) !== 0;
    case 'fixed':
      return column.values[i] ?? null;
    case 'decimal': {
      const scale = column.type.kind === 'decimal' ? column.type.scale : 0;
      if (column.width === 1) return decimalFromUnscaled(column.values[i] ?? 0n, scale);
      const lo = BigInt.asUintN(64, column.values[2 * i] ?? 0n);
      const hi = column.values[2 * i + 1] ?? 0n;
      return decimalFromUnscaled((hi << 64n) | lo, scale);
    }
    case 'varbinary': {
      const start = column.offsets[i] ?? 0;
      const end = column.offsets[i + 1] ?? start;
      const bytes = column.data.subarray(start, end);
      return isStringType(column.type) ? UTF8.decode(bytes) : bytes.slice();
    }
    case 'list': {
      const start = column.offsets[i] ?? 0;
      const end = column.offsets[i + 1] ?? start;
      const out: unknown[] = [];
      for (let j = start; j < end; j++) out.push(readColumnValue(column.child, j));
      return out;
    }
    case 'map': {
      const start = column.offsets[i] ?? 0;
      const end = column.offsets[i + 1] ?? start;
      const out = new Map<unknown, unknown>();
      for (let j = start; j < end; j++)
        out.set(readColumnValue(column.keys, j), readColumnValue(column.values, j));
      return out;
    }
    case 'struct': {
      if (column.type.kind !== 'struct') throw new InternalError('struct column without a struct type');
      const out: Record<string, unknown> = {};
      column.type.fields.forEach((f, k) => {
        const child = column.children[k];
        out[f.name] = child == null ? null : readColumnValue(child, i);
      });
      return out;
    }
  }
}

/**
 * Row-at-a-time batch kernel shared by the variable-size aggregates: reads each argument of each row and calls
 * `accumulate(state, group, args)` in row order, which is what the contract requires of `accumulateBatch`.
 */
export function rowWiseBatch(
  accumulate: (state: AccumulatorState, group: number, args: readonly unknown[]) => void,
): AggregateEvaluator['accumulateBatch'] {
  // eslint-disable-next-line max-params -- the signature is fixed by the AggregateEvaluator contract
  return (state, groupIds, columns, numRows) => {
    const n = columns.length;
    const args = new Array<unknown>(n);
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < n; c++) {
        const col = columns[c];
        args[c] = col == null ? null : readColumnValue(col, r);
      }
      accumulate(state, groupIds[r] ?? 0, args);
    }
  };
}
