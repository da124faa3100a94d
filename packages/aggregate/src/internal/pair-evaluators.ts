import { getValue, HiveTypes, structType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AccumulatorState, AggregateEvaluator } from '../contract';
import { correlationKernel, covarianceKernel } from '../kernels/moment-kernels';
import { numberValuesOf } from '../kernels/numeric-column';
import { argColumn, slotF64, VALUE_PARTIAL_CODEC } from './evaluator-kit';
import { doubleReaderFor } from './hive-convert';

/** covar_pop / covar_samp terminate. */
export type CovarianceStat = 'covar_pop' | 'covar_samp';

/** GenericUDAFCovariance(Sample), arguments (x, y). Partial {count, xavg, yavg, covar}. */
export function createCovarianceEvaluator(
  types: readonly [DataType, DataType],
  stat: CovarianceStat,
): AggregateEvaluator {
  const readX = doubleReaderFor(types[0]);
  const readY = doubleReaderFor(types[1]);
  const count = (s: AccumulatorState): Float64Array => slotF64(s, 0);
  const xavg = (s: AccumulatorState): Float64Array => slotF64(s, 1);
  const yavg = (s: AccumulatorState): Float64Array => slotF64(s, 2);
  const covar = (s: AccumulatorState): Float64Array => slotF64(s, 3);
  const add = (state: AccumulatorState, g: number, [vx, vy]: readonly [number, number]): void => {
    const c = count(state);
    const xa = xavg(state);
    const ya = yavg(state);
    const n = (c[g] ?? 0) + 1;
    c[g] = n;
    const y = (ya[g] ?? 0) + (vy - (ya[g] ?? 0)) / n;
    ya[g] = y;
    const x = xa[g] ?? 0;
    if (n > 1) {
      const cv = covar(state);
      cv[g] = (cv[g] ?? 0) + (vx - x) * (vy - y);
    }
    xa[g] = x + (vx - x) / n;
  };
  const ev: AggregateEvaluator = {
    inputTypes: types,
    partialType: structType([
      { name: 'count', type: HiveTypes.bigint },
      { name: 'xavg', type: HiveTypes.double },
      { name: 'yavg', type: HiveTypes.double },
      { name: 'covar', type: HiveTypes.double },
    ]),
    resultType: HiveTypes.double,
    layout: {
      slots: ['count', 'xavg', 'yavg', 'covar'].map((name) => ({ name, type: 'f64' as const })),
      usesSideState: false,
    },
    init(state, g) {
      for (let k = 0; k < 4; k++) slotF64(state, k)[g] = 0;
    },
    accumulate(state, g, args) {
      const a = args[0];
      const b = args[1];
      if (a == null || b == null) return;
      const vx = readX(a);
      const vy = readY(b);
      if (vx == null || vy == null) return;
      add(state, g, [vx, vy]);
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const cx = argColumn(args, 0);
      const cy = argColumn(args, 1);
      const xs = numberValuesOf(cx, numRows);
      const ys = numberValuesOf(cy, numRows);
      if (xs == null || ys == null) {
        for (let i = 0; i < numRows; i++)
          ev.accumulate(state, groupIds[i] ?? 0, [getValue(cx, i), getValue(cy, i)]);
        return;
      }
      covarianceKernel(
        { count: count(state), xavg: xavg(state), yavg: yavg(state), covar: covar(state) },
        groupIds,
        {
          x: { values: xs, validity: cx.validity },
          y: { values: ys, validity: cy.validity },
          numRows,
        },
      );
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const p = partial as { count: bigint; xavg: number; yavg: number; covar: number };
      const nB = Number(p.count);
      const c = count(state);
      const xa = xavg(state);
      const ya = yavg(state);
      const cv = covar(state);
      const nA = c[g] ?? 0;
      if (nA === 0) {
        c[g] = nB;
        xa[g] = p.xavg;
        ya[g] = p.yavg;
        cv[g] = p.covar;
      } else if (nB !== 0) {
        const xavgA = xa[g] ?? 0;
        const yavgA = ya[g] ?? 0;
        const n = nA + nB;
        c[g] = n;
        xa[g] = (xavgA * nA + p.xavg * nB) / n;
        ya[g] = (yavgA * nA + p.yavg * nB) / n;
        cv[g] = (cv[g] ?? 0) + (p.covar + (xavgA - p.xavg) * (yavgA - p.yavg) * ((nA * nB) / n));
      }
    },
    terminatePartial(state, g) {
      return {
        count: BigInt(count(state)[g] ?? 0),
        xavg: xavg(state)[g] ?? 0,
        yavg: yavg(state)[g] ?? 0,
        covar: covar(state)[g] ?? 0,
      };
    },
    terminate(state, g) {
      const n = count(state)[g] ?? 0;
      const cv = covar(state)[g] ?? 0;
      if (stat === 'covar_pop') return n === 0 ? null : cv / n;
      return n <= 1 ? null : cv / (n - 1);
    },
    ...VALUE_PARTIAL_CODEC,
  };
  return ev;
}

/** What a corr-buffer function returns (corr and the regr_* functions built on GenericUDAFCorrelation's buffer). */
export type CorrelationStat = 'corr' | 'regr_slope' | 'regr_intercept' | 'regr_r2' | 'regr_sxy';

/** The corr buffer: count, xavg, yavg, xvar, yvar, covar. */
export interface CorrelationBuffer {
  readonly n: number;
  readonly xavg: number;
  readonly yavg: number;
  readonly xvar: number;
  readonly yvar: number;
  readonly covar: number;
}

function finishCorrelation(stat: CorrelationStat, b: CorrelationBuffer): number | null {
  switch (stat) {
    case 'corr':
      if (b.n === 0 || b.xvar === 0 || b.yvar === 0) return null;
      return b.covar / Math.sqrt(b.yvar) / Math.sqrt(b.xvar);
    case 'regr_slope':
      return b.n < 2 || b.xvar === 0 ? null : b.covar / b.xvar;
    case 'regr_intercept':
      return b.n === 0 || b.xvar === 0 ? null : b.yavg - (b.covar / b.xvar) * b.xavg;
    case 'regr_r2':
      if (b.n < 2 || b.xvar === 0) return null;
      return b.yvar === 0 ? 1 : (b.covar * b.covar) / b.xvar / b.yvar;
    case 'regr_sxy':
      return b.n === 0 ? null : b.covar;
  }
}

const CORR_FIELDS = ['count', 'xavg', 'yavg', 'xvar', 'yvar', 'covar'] as const;

/** GenericUDAFCorrelation's evaluator, arguments (y, x), with the terminate of `stat`. */
export function createCorrelationEvaluator(
  types: readonly [DataType, DataType],
  stat: CorrelationStat,
): AggregateEvaluator {
  const readY = doubleReaderFor(types[0]);
  const readX = doubleReaderFor(types[1]);
  const slot = (s: AccumulatorState, k: number): Float64Array => slotF64(s, k);
  const add = (state: AccumulatorState, g: number, [vy, vx]: readonly [number, number]): void => {
    const c = slot(state, 0);
    const xa = slot(state, 1);
    const ya = slot(state, 2);
    const dx = vx - (xa[g] ?? 0);
    const dy = vy - (ya[g] ?? 0);
    const n = (c[g] ?? 0) + 1;
    c[g] = n;
    const x = (xa[g] ?? 0) + dx / n;
    const y = (ya[g] ?? 0) + dy / n;
    xa[g] = x;
    ya[g] = y;
    if (n > 1) {
      const xv = slot(state, 3);
      const yv = slot(state, 4);
      const cv = slot(state, 5);
      cv[g] = (cv[g] ?? 0) + dx * (vy - y);
      xv[g] = (xv[g] ?? 0) + dx * (vx - x);
      yv[g] = (yv[g] ?? 0) + dy * (vy - y);
    }
  };
  const buffer = (state: AccumulatorState, g: number): CorrelationBuffer => ({
    n: slot(state, 0)[g] ?? 0,
    xavg: slot(state, 1)[g] ?? 0,
    yavg: slot(state, 2)[g] ?? 0,
    xvar: slot(state, 3)[g] ?? 0,
    yvar: slot(state, 4)[g] ?? 0,
    covar: slot(state, 5)[g] ?? 0,
  });
  const ev: AggregateEvaluator = {
    inputTypes: types,
    partialType: structType(
      CORR_FIELDS.map((name) => ({ name, type: name === 'count' ? HiveTypes.bigint : HiveTypes.double })),
    ),
    resultType: HiveTypes.double,
    layout: { slots: CORR_FIELDS.map((name) => ({ name, type: 'f64' as const })), usesSideState: false },
    init(state, g) {
      for (let k = 0; k < 6; k++) slot(state, k)[g] = 0;
    },
    accumulate(state, g, args) {
      const a = args[0];
      const b = args[1];
      if (a == null || b == null) return;
      const vy = readY(a);
      const vx = readX(b);
      if (vx == null || vy == null) return;
      add(state, g, [vy, vx]);
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const cy = argColumn(args, 0);
      const cx = argColumn(args, 1);
      const ys = numberValuesOf(cy, numRows);
      const xs = numberValuesOf(cx, numRows);
      if (xs == null || ys == null) {
        for (let i = 0; i < numRows; i++)
          ev.accumulate(state, groupIds[i] ?? 0, [getValue(cy, i), getValue(cx, i)]);
        return;
      }
      correlationKernel(
        {
          count: slot(state, 0),
          xavg: slot(state, 1),
          yavg: slot(state, 2),
          xvar: slot(state, 3),
          yvar: slot(state, 4),
          covar: slot(state, 5),
        },
        groupIds,
        { y: { values: ys, validity: cy.validity }, x: { values: xs, validity: cx.validity }, numRows },
      );
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const p = partial as {
        count: bigint;
        xavg: number;
        yavg: number;
        xvar: number;
        yvar: number;
        covar: number;
      };
      const nB = Number(p.count);
      const nA = slot(state, 0)[g] ?? 0;
      const set = (k: number, v: number): void => {
        slot(state, k)[g] = v;
      };
      if (nA === 0) {
        set(0, nB);
        set(1, p.xavg);
        set(2, p.yavg);
        set(3, p.xvar);
        set(4, p.yvar);
        set(5, p.covar);
      } else if (nB !== 0) {
        const a = buffer(state, g);
        const n = nA + nB;
        set(0, n);
        set(1, (a.xavg * nA + p.xavg * nB) / n);
        set(2, (a.yavg * nA + p.yavg * nB) / n);
        set(3, a.xvar + (p.xvar + ((a.xavg - p.xavg) * (a.xavg - p.xavg) * nA * nB) / n));
        set(4, a.yvar + (p.yvar + ((a.yavg - p.yavg) * (a.yavg - p.yavg) * nA * nB) / n));
        set(5, a.covar + (p.covar + (a.xavg - p.xavg) * (a.yavg - p.yavg) * ((nA * nB) / n)));
      }
    },
    terminatePartial(state, g) {
      const b = buffer(state, g);
      return { count: BigInt(b.n), xavg: b.xavg, yavg: b.yavg, xvar: b.xvar, yvar: b.yvar, covar: b.covar };
    },
    terminate: (state, g) => finishCorrelation(stat, buffer(state, g)),
    ...VALUE_PARTIAL_CODEC,
  };
  return ev;
}
