// Naive reference for Hive's exact percentiles (percentile, percentile_cont, percentile_disc): sort every
// non-NULL value (no count table), position = (n − 1)·p, interpolate in doubles.

/** Sort order of the reference: numeric, ascending or descending. */
export interface ReferencePercentileOptions {
  /** `'cont'` interpolates (also Hive 3's `percentile`), `'disc'` takes the value at ceil(position). Defaults to `'cont'`. */
  readonly kind?: 'cont' | 'disc';
  /** Sort ascending. Defaults to `true`. */
  readonly ascending?: boolean;
}

/** The percentile `p` (0 ≤ p ≤ 1) of the non-NULL `values` (numbers or bigints); `null` when there are none. */
export function referencePercentile(
  values: readonly (number | bigint | null)[],
  p: number,
  options: ReferencePercentileOptions = {},
): number | null {
  const sorted = values
    .filter((v): v is number | bigint => v != null)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (options.ascending === false) sorted.reverse();
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const higher = Math.ceil(position);
  const lo = Number(sorted[lower]);
  const hi = Number(sorted[higher]);
  if (options.kind === 'disc') return hi;
  if (lower === higher || lo === hi) return lo;
  return (higher - position) * lo + (position - lower) * hi;
}
