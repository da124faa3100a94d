import Decimal from 'decimal.js';

/** Hive's maximum decimal precision (HiveDecimal.MAX_PRECISION). */
export const HIVE_DECIMAL_MAX_PRECISION = 38;
/** Hive's maximum decimal scale (HiveDecimal.MAX_SCALE). */
export const HIVE_DECIMAL_MAX_SCALE = 38;
/** Default precision/scale of a bare `decimal` (HiveDecimal.USER_DEFAULT_PRECISION/SCALE). */
export const HIVE_DECIMAL_DEFAULT_PRECISION = 10;
export const HIVE_DECIMAL_DEFAULT_SCALE = 0;

/**
 * The decimal.js constructor configured once for Hive: HALF_UP rounding as HiveDecimal uses, and enough
 * working precision (120 significant digits) that intermediate results of 38-digit operands are exact
 * before the final HALF_UP rounding to the result type. Created with `Decimal.clone`, never `Decimal.set`,
 * so other users of decimal.js in the process are untouched.
 */
export const HiveDecimal: typeof Decimal = Decimal.clone({
  precision: 120,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});

/** A decimal value (an instance of {@link HiveDecimal}). */
export type HiveDecimalValue = Decimal;
