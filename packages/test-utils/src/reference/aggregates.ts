// Naive reference implementations of Hive's numeric aggregates (part A of the aggregate issue): plain arrays,
// exact decimal.js arithmetic, no streaming, no partials. The aggregate package's fast paths are checked
// against these. NULL inputs are `null`; results use core's value representation.
import Decimal from 'decimal.js';

/** Exact arithmetic for the references: enough digits that sums/products of 38-digit values stay exact. */
const Exact = Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});
type ExactValue = InstanceType<typeof Exact>;

function exact(v: unknown): ExactValue {
  if (typeof v === 'bigint') return new Exact(v.toString());
  if (typeof v === 'number') return new Exact(v);
  if (Decimal.isDecimal(v)) return new Exact(v.toFixed());
  throw new Error(`reference: not a number: ${String(v)}`);
}

/** `count(*)` (every row) or `count(a, …)` (rows without NULL arguments); DISTINCT counts distinct tuples. */
export function referenceCount(
  rows: readonly (readonly unknown[])[],
  options: { readonly star?: boolean; readonly distinct?: boolean } = {},
): bigint {
  if (options.star === true) return BigInt(rows.length);
  const kept = rows.filter((r) => r.every((v) => v != null));
  if (options.distinct !== true) return BigInt(kept.length);
  const keys = new Set(kept.map((r) => JSON.stringify(r.map(keyOf))));
  return BigInt(keys.size);
}

function keyOf(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? 'd:-0' : `d:${String(v)}`;
  if (typeof v === 'bigint') return `l:${v}`;
  if (Decimal.isDecimal(v)) return `m:${v.toString()}`;
  return `s:${String(v)}`;
}

/** Distinct non-NULL values in first-seen order (Hive's DISTINCT before the aggregate). */
export function referenceDistinct(values: readonly unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const v of values) if (v != null && !seen.has(keyOf(v))) seen.set(keyOf(v), v);
  return [...seen.values()];
}

/** sum over integers: exact sum wrapped to a signed 64-bit long; NULL when no non-NULL value. */
export function referenceSumLong(values: readonly (number | bigint | null)[]): bigint | null {
  const xs = values.filter((v): v is number | bigint => v != null);
  if (xs.length === 0) return null;
  return BigInt.asIntN(
    64,
    xs.reduce<bigint>((s, v) => s + BigInt(v), 0n),
  );
}

/** sum over doubles: exact sum of the doubles, rounded once to a double (the fast path may differ in ulps). */
export function referenceSumDouble(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v != null);
  if (xs.length === 0) return null;
  if (xs.some((v) => !Number.isFinite(v))) return xs.reduce((s, v) => s + v, 0);
  return xs.reduce((s, v) => s.plus(v), new Exact(0)).toNumber();
}

/**
 * sum over decimal(p,s): exact sum, NULL when it needs more than `precision − scale` integer digits
 * (result type decimal(min(38,p+10), s)). Inputs are assumed not to overflow part-way.
 */
export function referenceSumDecimal(
  values: readonly (Decimal | null)[],
  resultType: { readonly precision: number; readonly scale: number },
): Decimal | null {
  const xs = values.filter((v): v is Decimal => v != null);
  if (xs.length === 0) return null;
  const total = xs
    .reduce((s, v) => s.plus(exact(v)), new Exact(0))
    .toDecimalPlaces(resultType.scale, Decimal.ROUND_HALF_UP);
  if (integerDigits(total) > resultType.precision - resultType.scale) return null;
  return new Decimal(total.toFixed());
}

function integerDigits(d: ExactValue): number {
  const a = d.abs();
  return a.lt(1) ? 0 : a.trunc().toFixed(0).length;
}

/** Mean of the non-NULL values as a double (exact mean rounded once); NULL when none. */
export function referenceAvgDouble(values: readonly (number | bigint | null)[]): number | null {
  const xs = values.filter((v): v is number | bigint => v != null);
  if (xs.length === 0) return null;
  return xs
    .reduce((s, v) => s.plus(exact(v)), new Exact(0))
    .div(xs.length)
    .toNumber();
}

/** Mean of decimal values, rounded HALF_UP to `scale`; NULL when none or when it does not fit. */
export function referenceAvgDecimal(
  values: readonly (Decimal | null)[],
  resultType: { readonly precision: number; readonly scale: number },
): Decimal | null {
  const xs = values.filter((v): v is Decimal => v != null);
  if (xs.length === 0) return null;
  const mean = xs
    .reduce((s, v) => s.plus(exact(v)), new Exact(0))
    .div(xs.length)
    .toDecimalPlaces(resultType.scale, Decimal.ROUND_HALF_UP);
  if (integerDigits(mean) > resultType.precision - resultType.scale) return null;
  return new Decimal(mean.toFixed());
}

/** Which variance statistic. */
export type ReferenceVarianceStat = 'var_pop' | 'var_samp' | 'stddev_pop' | 'stddev_samp';

/**
 * Two-pass variance in exact arithmetic: Σ(x − mean)² / n (pop) or / (n − 1) (samp); NULL for no rows, and for
 * one row in the sample statistics (Hive ≥ 3); square root for the stddev statistics.
 */
export function referenceVariance(
  values: readonly (number | bigint | Decimal | null)[],
  stat: ReferenceVarianceStat,
): number | null {
  const xs = values.filter((v) => v != null).map(exact);
  const n = xs.length;
  const sample = stat === 'var_samp' || stat === 'stddev_samp';
  if (n === 0 || (sample && n === 1)) return null;
  const mean = xs.reduce((s, v) => s.plus(v), new Exact(0)).div(n);
  const m2 = xs.reduce((s, v) => s.plus(v.minus(mean).pow(2)), new Exact(0));
  const v = m2.div(sample ? n - 1 : n);
  return (stat === 'stddev_pop' || stat === 'stddev_samp' ? v.sqrt() : v).toNumber();
}

/** Exact moments of the (y, x) pairs without NULLs. */
interface PairMoments {
  readonly n: number;
  readonly mx: ExactValue;
  readonly my: ExactValue;
  readonly sxx: ExactValue;
  readonly syy: ExactValue;
  readonly sxy: ExactValue;
}

function moments(pairs: readonly (readonly [unknown, unknown])[]): PairMoments {
  const ok = pairs.filter(([y, x]) => y != null && x != null).map(([y, x]) => [exact(y), exact(x)] as const);
  const n = ok.length;
  const zero = new Exact(0);
  const my = n === 0 ? zero : ok.reduce((s, [y]) => s.plus(y), zero).div(n);
  const mx = n === 0 ? zero : ok.reduce((s, [, x]) => s.plus(x), zero).div(n);
  let sxx = zero;
  let syy = zero;
  let sxy = zero;
  for (const [y, x] of ok) {
    sxx = sxx.plus(x.minus(mx).pow(2));
    syy = syy.plus(y.minus(my).pow(2));
    sxy = sxy.plus(x.minus(mx).times(y.minus(my)));
  }
  return { n, mx, my, sxx, syy, sxy };
}

/** Which two-argument statistic, all over (y, x) pairs as Hive's corr/regr_* take them. */
export type ReferencePairStat =
  | 'covar_pop'
  | 'covar_samp'
  | 'corr'
  | 'regr_count'
  | 'regr_sxx'
  | 'regr_syy'
  | 'regr_sxy'
  | 'regr_avgx'
  | 'regr_avgy'
  | 'regr_slope'
  | 'regr_intercept'
  | 'regr_r2';

/** Two-pass statistics over the pairs without NULLs, with Hive's NULL rules (see the semantics doc §5). */
export function referencePairStat(
  pairs: readonly (readonly [unknown, unknown])[],
  stat: ReferencePairStat,
): number | bigint | null {
  const m = moments(pairs);
  const { n } = m;
  switch (stat) {
    case 'regr_count':
      return BigInt(n);
    case 'covar_pop':
      return n === 0 ? null : m.sxy.div(n).toNumber();
    case 'covar_samp':
      return n <= 1 ? null : m.sxy.div(n - 1).toNumber();
    case 'corr':
      if (n === 0 || m.sxx.isZero() || m.syy.isZero()) return null;
      return m.sxy.div(m.sxx.times(m.syy).sqrt()).toNumber();
    case 'regr_sxx':
      return n === 0 ? null : m.sxx.toNumber();
    case 'regr_syy':
      return n === 0 ? null : m.syy.toNumber();
    case 'regr_sxy':
      return n === 0 ? null : m.sxy.toNumber();
    case 'regr_avgx':
      return n === 0 ? null : m.mx.toNumber();
    case 'regr_avgy':
      return n === 0 ? null : m.my.toNumber();
    case 'regr_slope':
      return n < 2 || m.sxx.isZero() ? null : m.sxy.div(m.sxx).toNumber();
    case 'regr_intercept':
      return n === 0 || m.sxx.isZero() ? null : m.my.minus(m.sxy.div(m.sxx).times(m.mx)).toNumber();
    case 'regr_r2':
      if (n < 2 || m.sxx.isZero()) return null;
      return m.syy.isZero() ? 1 : m.sxy.pow(2).div(m.sxx).div(m.syy).toNumber();
  }
}

/**
 * max (`isMax`) or min of the non-NULL values under `compare`; ties keep the first value. NULL when none.
 * Pass Hive's ordering (e.g. NaN greatest for doubles).
 */
export function referenceExtreme<T>(
  values: readonly (T | null)[],
  isMax: boolean,
  compare: (a: T, b: T) => number,
): T | null {
  let best: T | null = null;
  for (const v of values) {
    if (v == null) continue;
    if (best == null || (isMax ? compare(best, v) < 0 : compare(best, v) > 0)) best = v;
  }
  return best;
}
