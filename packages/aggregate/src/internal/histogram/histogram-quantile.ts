/**
 * Hive's `NumericHistogram.quantile(q)` over bins `x`/`y` (ascending centres, `used` of them): the first bin
 * whose cumulative height reaches q·total, interpolated from the previous centre (not textbook interpolation;
 * see the semantics doc §9.1). Same operations in the same order as Hive, so the double is the same.
 */
export function histogramQuantile(
  bins: { readonly x: ArrayLike<number>; readonly y: ArrayLike<number>; readonly used: number },
  q: number,
): number {
  const { x, y, used } = bins;
  let sum = 0;
  for (let i = 0; i < used; i++) sum += y[i] as number;
  let csum = 0;
  for (let b = 0; b < used; b++) {
    csum += y[b] as number;
    if (csum / sum >= q) {
      if (b === 0) return x[0] as number;
      csum -= y[b] as number;
      const x0 = x[b - 1] as number;
      return x0 + ((q * sum - csum) * ((x[b] as number) - x0)) / (y[b] as number);
    }
  }
  // Unreachable for 0 < q ≤ 1 over non-empty bins; Hive returns -1 here too.
  return -1;
}

/**
 * {@link histogramQuantile} over bins kept as pairs `[x0, y0, x1, y1, …]` (the small histograms of a
 * many-group aggregation, read in place rather than copied into two arrays per group). Same operations in the
 * same order, so the same double.
 */
export function interleavedHistogramQuantile(pairs: ArrayLike<number>, used: number, q: number): number {
  let sum = 0;
  for (let i = 0; i < used; i++) sum += pairs[2 * i + 1] as number;
  let csum = 0;
  for (let b = 0; b < used; b++) {
    const yb = pairs[2 * b + 1] as number;
    csum += yb;
    if (csum / sum >= q) {
      if (b === 0) return pairs[0] as number;
      csum -= yb;
      const x0 = pairs[2 * b - 2] as number;
      return x0 + ((q * sum - csum) * ((pairs[2 * b] as number) - x0)) / yb;
    }
  }
  // Unreachable for 0 < q ≤ 1 over non-empty bins; Hive returns -1 here too.
  return -1;
}
