import { HiveDecimal } from '@hive-batch/core';
import type { HiveDecimalValue } from '@hive-batch/core';

/**
 * Exact decimal arithmetic on scaled bigints (value = unscaled / 10^scale), reproducing HiveDecimal's
 * behaviour: at most 38 significant digits, excess fractional digits rounded HALF_UP (away from zero on a tie),
 * more than 38 integer digits = overflow (NULL).
 */
export const MAX_DIGITS = 38;

const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 80; i++, p *= 10n) POW10.push(p);

export function pow10(n: number): bigint {
  const p = POW10[n];
  return p ?? 10n ** BigInt(n);
}

/** Number of decimal digits of |v| (0 has 1 digit). */
export function digitCount(v: bigint): number {
  const a = v < 0n ? -v : v;
  if (a < 10n) return 1;
  // Estimate from the bit length, then correct by one step at most.
  let d = Math.floor((a.toString(16).length - 1) * 4 * Math.LOG10E * Math.LN2);
  if (d < 1) d = 1;
  while (d > 1 && a < pow10(d - 1)) d--;
  while (a >= pow10(d)) d++;
  return d;
}

/** Rescales `unscaled` from `fromScale` down to `toScale` (≤ fromScale) with HALF_UP rounding. */
export function roundHalfUp(unscaled: bigint, fromScale: number, toScale: number): bigint {
  if (toScale >= fromScale) return unscaled * pow10(toScale - fromScale);
  const div = pow10(fromScale - toScale);
  const neg = unscaled < 0n;
  const a = neg ? -unscaled : unscaled;
  let q = a / div;
  if ((a % div) * 2n >= div) q += 1n;
  return neg ? -q : q;
}

/** A decimal as scaled bigint. */
export interface ScaledDecimal {
  readonly unscaled: bigint;
  readonly scale: number;
}

/**
 * Normalises an exact result the way HiveDecimal does after an operation: if it needs more than 38 digits,
 * fractional digits are rounded away (HALF_UP) until it fits; `null` when the integer part alone needs
 * more than 38 digits.
 */
export function fitHiveDecimal(unscaled: bigint, scale: number): ScaledDecimal | null {
  let u = unscaled;
  let s = scale;
  const d = digitCount(u);
  if (d > MAX_DIGITS) {
    const intDigits = d - s;
    if (intDigits > MAX_DIGITS) return null;
    const target = MAX_DIGITS - Math.max(intDigits, 0);
    u = roundHalfUp(u, s, target);
    s = target;
    // Rounding up may add a digit (99.99 → 100.0).
    if (digitCount(u) > MAX_DIGITS) {
      if (s === 0) return null;
      u = roundHalfUp(u, s, s - 1);
      s -= 1;
    }
  }
  return { unscaled: u, scale: s };
}

/** HiveDecimal add: exact sum, then {@link fitHiveDecimal}. */
export function addHiveDecimal(a: ScaledDecimal, bUnscaled: bigint, bScale: number): ScaledDecimal | null {
  if (a.scale === bScale) return fitHiveDecimal(a.unscaled + bUnscaled, bScale);
  if (a.scale > bScale) return fitHiveDecimal(a.unscaled + bUnscaled * pow10(a.scale - bScale), a.scale);
  return fitHiveDecimal(a.unscaled * pow10(bScale - a.scale) + bUnscaled, bScale);
}

/**
 * HiveDecimalWritable.mutateEnforcePrecisionScale: round HALF_UP to `scale`, NULL when more than
 * `precision - scale` integer digits remain.
 */
export function enforcePrecisionScale(
  v: ScaledDecimal,
  precision: number,
  scale: number,
): ScaledDecimal | null {
  const u = v.scale > scale ? roundHalfUp(v.unscaled, v.scale, scale) : v.unscaled * pow10(scale - v.scale);
  if (u !== 0n && digitCount(u) > precision) return null;
  return { unscaled: u, scale };
}

/**
 * HiveDecimal.divide: the quotient at scale 38 (HALF_UP), then rounded to at most 38 significant digits;
 * `null` on overflow or division by zero.
 */
export function divideHiveDecimal(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal | null {
  if (b.unscaled === 0n) return null;
  // a/b = (ua / 10^sa) / (ub / 10^sb); quotient at scale 38 = ua * 10^(38 + sb - sa) / ub.
  const shift = MAX_DIGITS + b.scale - a.scale;
  let num = a.unscaled;
  let den = b.unscaled;
  if (shift >= 0) num *= pow10(shift);
  else den *= pow10(-shift);
  const neg = num < 0n !== den < 0n;
  const an = num < 0n ? -num : num;
  const ad = den < 0n ? -den : den;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return fitHiveDecimal(neg ? -q : q, MAX_DIGITS);
}

/** The decimal value of a scaled bigint. */
export function toHiveDecimal(v: ScaledDecimal): HiveDecimalValue {
  const neg = v.unscaled < 0n;
  let digits = (neg ? -v.unscaled : v.unscaled).toString();
  if (v.scale > 0) {
    digits = digits.padStart(v.scale + 1, '0');
    digits = `${digits.slice(0, digits.length - v.scale)}.${digits.slice(digits.length - v.scale)}`;
  }
  return new HiveDecimal(neg ? `-${digits}` : digits);
}

/** A finite decimal value as scaled bigint with the smallest scale that represents it exactly. */
export function fromHiveDecimal(d: HiveDecimalValue): ScaledDecimal {
  const s = d.decimalPlaces();
  const scale = Math.max(0, s);
  const u = BigInt(d.times(new HiveDecimal(10).pow(scale)).toFixed(0));
  return { unscaled: u, scale };
}
