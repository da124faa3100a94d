import { isNumericType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import { doubleReaderFor, hiveTypeName, invalidArguments } from './hive-convert';
import { rejectStar } from './evaluator-kit';

// The shared helpers live in hive-convert/evaluator-kit; these names are what the collection, percentile,
// histogram, n-gram and statistics definitions import.
export { hiveTypeName, rejectStar };

/** `INVALID_FUNCTION_ARGUMENTS` with Hive's wording. */
export const argumentError: (message: string) => Error = invalidArguments;

/** Types Hive's numeric UDAFs (percentile_approx, histogram_numeric) accept for the value argument. */
export function isApproxNumericKind(t: DataType): boolean {
  return isNumericType(t) || t.kind === 'timestamp';
}

/**
 * Hive's `PrimitiveObjectInspectorUtils.getDouble` of a value of `type` (a timestamp's µs become fractional
 * seconds); without a type, numbers pass through, bigints and decimals convert. NULL → `null`.
 */
export function toDouble(v: unknown, type?: DataType): number | null {
  if (v == null) return null;
  if (type != null) return doubleReaderFor(type)(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return doubleReaderFor({ kind: 'decimal', precision: 38, scale: 18 })(v);
}

/** The getDouble conversion for values of `type`, chosen once per call site (hot paths). */
export function doubleReader(type: DataType): (v: unknown) => number | null {
  return doubleReaderFor(type);
}
