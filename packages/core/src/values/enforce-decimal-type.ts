import type { HiveDecimalValue } from './hive-decimal';
import { HiveDecimal } from './hive-decimal';

/**
 * Fits a decimal into decimal(precision, scale) as `HiveDecimal.enforcePrecisionScale` does: round HALF_UP to
 * `scale` fractional digits, then return `null` (SQL NULL) when more than precision − scale integer digits remain.
 * Zero results are normalised to positive zero.
 *
 * @param d - the value, any precision
 * @param precision - 1..38
 * @param scale - 0..precision
 * @returns the fitted value, or `null` on overflow
 * @example
 * ```ts
 * enforceDecimalType(new HiveDecimal('123.455'), 5, 2); // 123.46
 * enforceDecimalType(new HiveDecimal('1234.5'), 5, 2);  // null
 * ```
 */
export function enforceDecimalType(
  d: HiveDecimalValue,
  precision: number,
  scale: number,
): HiveDecimalValue | null {
  if (!d.isFinite()) return null;
  const r = new HiveDecimal(d).toDecimalPlaces(scale, HiveDecimal.ROUND_HALF_UP);
  if (r.isZero()) return new HiveDecimal(0);
  if (integerDigits(r) > precision - scale) return null;
  return r;
}

/** Number of digits before the decimal point (0 for |d| < 1). */
export function integerDigits(d: HiveDecimalValue): number {
  const a = d.abs();
  if (a.lt(1)) return 0;
  return a.trunc().toFixed(0).length;
}

/**
 * `HiveDecimal.create(String)`: parses `[+-]digits[.digits][e[+-]digits]` after trimming blanks; more than 38
 * significant digits are rounded HALF_UP to 38 (giving up fractional digits), more than 38 integer digits or a
 * scale above 38 after that give `null`. Returns `null` for unparseable text.
 */
export function createHiveDecimal(text: string): HiveDecimalValue | null {
  const s = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const d = new HiveDecimal(s);
  return fitToMaxPrecision(d);
}

/** Rounds a decimal to at most 38 significant digits and scale ≤ 38 (HALF_UP); `null` past 38 integer digits. */
export function fitToMaxPrecision(d: HiveDecimalValue): HiveDecimalValue | null {
  const intDigits = integerDigits(d);
  if (intDigits > 38) return null;
  const r = d.toDecimalPlaces(Math.min(38, 38 - intDigits), HiveDecimal.ROUND_HALF_UP);
  if (r.isZero()) return new HiveDecimal(0);
  if (integerDigits(r) > 38) return null;
  return r;
}
