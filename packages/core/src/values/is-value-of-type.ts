import type { DataType } from '../types/data-type';
import { HiveDecimal } from './hive-decimal';
import { integerDigits } from './enforce-decimal-type';

const INT_RANGES = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  int: [-2147483648, 2147483647],
} as const;
const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;
// Java LocalDate range: years -999999999..999999999, well inside this day count.
const MAX_ABS_DAYS = 365_243_219_162;

/** Number of Unicode code points (Hive counts char/varchar lengths in code points). */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * True when `v` is a valid JS representation of a value of type `t` (see {@link HiveValue}); `null` is valid for
 * every type. Nested values are checked recursively.
 *
 * @example
 * ```ts
 * isValueOfType(200, HiveTypes.tinyint); // false
 * isValueOfType(new HiveDecimal('1.25'), decimalType(3, 2)); // true
 * ```
 */
export function isValueOfType(v: unknown, t: DataType): boolean {
  if (v === undefined) return false;
  if (v == null) return true;
  switch (t.kind) {
    case 'void':
      return false;
    case 'boolean':
      return typeof v === 'boolean';
    case 'tinyint':
    case 'smallint':
    case 'int': {
      const [min, max] = INT_RANGES[t.kind];
      return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max && !Object.is(v, -0);
    }
    case 'bigint':
      return typeof v === 'bigint' && v >= BIGINT_MIN && v <= BIGINT_MAX;
    case 'float':
      return typeof v === 'number' && (Number.isNaN(v) || Math.fround(v) === v);
    case 'double':
      return typeof v === 'number';
    case 'decimal':
      return (
        HiveDecimal.isDecimal(v) &&
        v.isFinite() &&
        v.decimalPlaces() <= t.scale &&
        integerDigits(v) <= t.precision - t.scale
      );
    case 'string':
      return typeof v === 'string';
    case 'varchar':
      return typeof v === 'string' && codePointLength(v) <= t.length;
    case 'char':
      return typeof v === 'string' && codePointLength(v) === t.length;
    case 'date':
      return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= MAX_ABS_DAYS;
    case 'timestamp':
      return typeof v === 'bigint' && v >= BIGINT_MIN && v <= BIGINT_MAX;
    case 'binary':
      return v instanceof Uint8Array;
    case 'array':
      return Array.isArray(v) && v.every((e) => isValueOfType(e, t.element));
    case 'map':
      if (!(v instanceof Map)) return false;
      for (const [k, val] of v as Map<unknown, unknown>) {
        if (k == null || !isValueOfType(k, t.key) || !isValueOfType(val, t.value)) return false;
      }
      return true;
    case 'struct': {
      if (typeof v !== 'object' || Array.isArray(v) || v instanceof Map || v instanceof Uint8Array)
        return false;
      if (HiveDecimal.isDecimal(v)) return false;
      const rec = v as Record<string, unknown>;
      const keys = Object.keys(rec);
      if (keys.length !== t.fields.length) return false;
      return t.fields.every((f) => Object.hasOwn(rec, f.name) && isValueOfType(rec[f.name], f.type));
    }
    default:
      return false;
  }
}
