import type { NumberValues } from './numeric-column';

/** One numeric argument column of a batch. */
export interface NumberArg {
  readonly values: NumberValues;
  readonly validity: Uint8Array | null;
}

/** GenericUDAFVariance.iterate: count, sum, M2 with Hive's exact order of operations. */
export function varianceUdafKernel(
  slots: { readonly count: Float64Array; readonly sum: Float64Array; readonly m2: Float64Array },
  groupIds: Int32Array,
  args: { readonly x: NumberArg; readonly numRows: number },
): void {
  const { count, sum, m2 } = slots;
  const { values, validity } = args.x;
  for (let i = 0; i < args.numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    const v = values[i]!;
    const n = count[g]! + 1;
    count[g] = n;
    const s = sum[g]! + v;
    sum[g] = s;
    if (n > 1) {
      const t = n * v - s;
      m2[g]! += (t * t) / (n * (n - 1));
    }
  }
}

/** The CBO rewrite's three aggregates: COUNT(x), SUM(CAST(x AS DOUBLE)), SUM(x*x) (numeric input: all non-NULL). */
export function varianceCboKernel(
  slots: {
    readonly count: Float64Array;
    readonly nonEmpty: Uint8Array;
    readonly sum: Float64Array;
    readonly sumSq: Float64Array;
  },
  groupIds: Int32Array,
  args: { readonly x: NumberArg; readonly numRows: number },
): void {
  const { count, nonEmpty, sum, sumSq } = slots;
  const { values, validity } = args.x;
  for (let i = 0; i < args.numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    const v = values[i]!;
    count[g]! += 1;
    nonEmpty[g] = 1;
    sum[g]! += v;
    sumSq[g]! += v * v;
  }
}

/** GenericUDAFCovariance.iterate over (x, y) pairs without NULLs. */
export function covarianceKernel(
  slots: {
    readonly count: Float64Array;
    readonly xavg: Float64Array;
    readonly yavg: Float64Array;
    readonly covar: Float64Array;
  },
  groupIds: Int32Array,
  args: { readonly x: NumberArg; readonly y: NumberArg; readonly numRows: number },
): void {
  const { count, xavg, yavg, covar } = slots;
  const xs = args.x.values;
  const ys = args.y.values;
  const xv = args.x.validity;
  const yv = args.y.validity;
  for (let i = 0; i < args.numRows; i++) {
    if (xv != null && (xv[i >> 3]! & (1 << (i & 7))) === 0) continue;
    if (yv != null && (yv[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    const vx = xs[i]!;
    const vy = ys[i]!;
    const n = count[g]! + 1;
    count[g] = n;
    const ya = yavg[g]! + (vy - yavg[g]!) / n;
    yavg[g] = ya;
    const xa = xavg[g]!;
    if (n > 1) covar[g]! += (vx - xa) * (vy - ya);
    xavg[g] = xa + (vx - xa) / n;
  }
}

/** GenericUDAFCorrelation.iterate over (y, x) pairs without NULLs. */
export function correlationKernel(
  slots: {
    readonly count: Float64Array;
    readonly xavg: Float64Array;
    readonly yavg: Float64Array;
    readonly xvar: Float64Array;
    readonly yvar: Float64Array;
    readonly covar: Float64Array;
  },
  groupIds: Int32Array,
  args: { readonly y: NumberArg; readonly x: NumberArg; readonly numRows: number },
): void {
  const { count, xavg, yavg, xvar, yvar, covar } = slots;
  const xs = args.x.values;
  const ys = args.y.values;
  const xv = args.x.validity;
  const yv = args.y.validity;
  for (let i = 0; i < args.numRows; i++) {
    if (xv != null && (xv[i >> 3]! & (1 << (i & 7))) === 0) continue;
    if (yv != null && (yv[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const g = groupIds[i]!;
    const vx = xs[i]!;
    const vy = ys[i]!;
    const dx = vx - xavg[g]!;
    const dy = vy - yavg[g]!;
    const n = count[g]! + 1;
    count[g] = n;
    const xa = xavg[g]! + dx / n;
    const ya = yavg[g]! + dy / n;
    xavg[g] = xa;
    yavg[g] = ya;
    if (n > 1) {
      covar[g]! += dx * (vy - ya);
      xvar[g]! += dx * (vx - xa);
      yvar[g]! += dy * (vy - ya);
    }
  }
}
