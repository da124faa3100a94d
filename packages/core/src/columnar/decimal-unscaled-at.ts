import { HiveBatchError } from '../errors/hive-batch-error';
import { HiveDecimal } from '../values/hive-decimal';
import type { HiveDecimalValue } from '../values/hive-decimal';
import type { DecimalColumn } from './column';

const TWO_64 = 1n << 64n;

/**
 * The unscaled value of row `i` of a decimal column (the value times `10^scale`), for both widths.
 * The row's validity is not checked: a NULL row reads as `0n`.
 *
 * @param column - a `decimal` column (width 1: one signed word; width 2: lo unsigned, hi signed)
 * @param i - row index, `< column.length`
 * @returns the unscaled value as a `bigint`
 * @example
 * ```ts
 * decimalUnscaledAt(columnFromValues(decimalType(5, 2), [new HiveDecimal('-1.25')]) as DecimalColumn, 0); // -125n
 * ```
 */
export function decimalUnscaledAt(column: DecimalColumn, i: number): bigint {
  const v = column.values;
  if (column.width === 1) return v[i] ?? 0n;
  const lo = v[2 * i] ?? 0n;
  const hi = v[2 * i + 1] ?? 0n;
  return (hi << 64n) + BigInt.asUintN(64, lo);
}

/** Writes `unscaled` as row `i` of a width-2 word array: lo word (bits of the low 64) then hi word (signed). */
export function writeDecimal128(words: BigInt64Array, i: number, unscaled: bigint): void {
  words[2 * i] = BigInt.asIntN(64, unscaled);
  // Arithmetic shift floors, so hi * 2^64 + unsigned(lo) === unscaled for negatives too.
  words[2 * i + 1] = unscaled >> 64n;
}

/** Largest unscaled magnitude that fits in a width-2 slot; beyond it the hi word would wrap. */
export const DECIMAL128_MAX_UNSCALED: bigint = TWO_64 * (1n << 63n) - 1n;

/** `10^n` as bigint, cached for n ≤ 38. */
export function pow10n(n: number): bigint {
  const cached = POW10[n];
  if (cached != null) return cached;
  return 10n ** BigInt(n);
}
const POW10: bigint[] = Array.from({ length: 39 }, (_, k) => 10n ** BigInt(k));

/**
 * The unscaled value of a decimal at `scale` digits after the point, rounding HALF_UP (as Hive does when a
 * value is stored into `decimal(p, s)`), and checked against `precision`.
 *
 * @throws {HiveBatchError} `TYPE_MISMATCH` when the value is not a decimal.js instance
 * @throws {HiveBatchError} `INVALID_ARGUMENT` when the rounded value has more than `precision` digits
 */
export function decimalToUnscaled(value: unknown, precision: number, scale: number): bigint {
  if (!HiveDecimal.isDecimal(value)) {
    throw new HiveBatchError(
      'TYPE_MISMATCH',
      `Expected a HiveDecimal for decimal(${precision},${scale}), got ${describe(value)}`,
    );
  }
  const d = value;
  if (!d.isFinite()) {
    throw new HiveBatchError('INVALID_ARGUMENT', `Decimal value ${d.toString()} is not finite`);
  }
  // Re-wrap in HiveDecimal so the rounding mode is HALF_UP even for values from another decimal.js clone.
  const rounded = new HiveDecimal(d).toDecimalPlaces(scale, HiveDecimal.ROUND_HALF_UP);
  const unscaled = BigInt(rounded.times(new HiveDecimal(`1e${scale}`)).toFixed(0));
  const limit = pow10n(precision);
  if (unscaled >= limit || unscaled <= -limit) {
    throw new HiveBatchError(
      'INVALID_ARGUMENT',
      `Decimal value ${d.toString()} does not fit decimal(${precision},${scale})`,
    );
  }
  return unscaled;
}

/** The decimal `unscaled * 10^-scale` as a {@link HiveDecimal}. */
export function decimalFromUnscaled(unscaled: bigint, scale: number): HiveDecimalValue {
  return new HiveDecimal(scale === 0 ? unscaled.toString() : `${unscaled.toString()}e-${scale}`);
}

/** Short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value == null) return String(value);
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return Object.prototype.toString.call(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}
