import { getValue, HiveTypes, structType } from '@hive-batch/core';
import type { Column, DataType } from '@hive-batch/core';
import type { AccumulatorState, AggregateEvaluator } from '../contract';
import { varianceCboKernel, varianceUdafKernel } from '../kernels/moment-kernels';
import { numberValuesOf } from '../kernels/numeric-column';
import type { NumberValues } from '../kernels/numeric-column';
import { argColumn, slotF64, slotU8, VALUE_PARTIAL_CODEC, readsAsNumbers } from './evaluator-kit';
import { doubleReaderFor } from './hive-convert';

/** Which statistic the variance family's terminate computes. */
export type VarianceStat = 'var_pop' | 'var_samp' | 'stddev_pop' | 'stddev_samp';

/** Finishes the UDAF buffer (GenericUDAFVariance/VarianceSample/Std/StdSample.terminate). */
function finishUdaf(stat: VarianceStat | 'm2', n: number, m2: number): number | null {
  switch (stat) {
    case 'var_pop':
      return n === 0 ? null : n === 1 ? 0 : m2 / n;
    case 'stddev_pop':
      return n === 0 ? null : n === 1 ? 0 : Math.sqrt(m2 / n);
    case 'var_samp':
      return n <= 1 ? null : m2 / (n - 1);
    case 'stddev_samp':
      return n <= 1 ? null : Math.sqrt(m2 / (n - 1));
    case 'm2':
      return n === 0 ? null : m2;
  }
}

/** The UDAF variance buffer as a reusable part at slot offset `first` (also used by regr_sxx/syy). */
export interface VariancePart {
  readonly slots: AggregateEvaluator['layout']['slots'];
  init(state: AccumulatorState, g: number): void;
  add(state: AccumulatorState, g: number, v: number): void;
  addBatch(
    state: AccumulatorState,
    groupIds: Int32Array,
    x: { values: NumberValues; validity: Uint8Array | null; numRows: number },
  ): void;
  merge(state: AccumulatorState, g: number, partial: unknown): void;
  partial(state: AccumulatorState, g: number): { count: bigint; sum: number; variance: number };
  finish(state: AccumulatorState, g: number, stat: VarianceStat | 'm2'): number | null;
}

export const VARIANCE_PARTIAL_TYPE: DataType = structType([
  { name: 'count', type: HiveTypes.bigint },
  { name: 'sum', type: HiveTypes.double },
  { name: 'variance', type: HiveTypes.double },
]);

export function createVariancePart(first: number): VariancePart {
  const count = (s: AccumulatorState): Float64Array => slotF64(s, first);
  const sum = (s: AccumulatorState): Float64Array => slotF64(s, first + 1);
  const m2 = (s: AccumulatorState): Float64Array => slotF64(s, first + 2);
  return {
    slots: [
      { name: 'count', type: 'f64' },
      { name: 'sum', type: 'f64' },
      { name: 'variance', type: 'f64' },
    ],
    init(state, g) {
      count(state)[g] = 0;
      sum(state)[g] = 0;
      m2(state)[g] = 0;
    },
    add(state, g, v) {
      const c = count(state);
      const s = sum(state);
      const n = (c[g] ?? 0) + 1;
      c[g] = n;
      const total = (s[g] ?? 0) + v;
      s[g] = total;
      if (n > 1) {
        const t = n * v - total;
        const m = m2(state);
        m[g] = (m[g] ?? 0) + (t * t) / (n * (n - 1));
      }
    },
    addBatch(state, groupIds, x) {
      varianceUdafKernel({ count: count(state), sum: sum(state), m2: m2(state) }, groupIds, {
        x: { values: x.values, validity: x.validity },
        numRows: x.numRows,
      });
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const p = partial as { readonly count: bigint; readonly sum: number; readonly variance: number };
      const m = Number(p.count);
      const c = count(state);
      const s = sum(state);
      const v = m2(state);
      const n = c[g] ?? 0;
      if (n === 0) {
        c[g] = m;
        s[g] = p.sum;
        v[g] = p.variance;
      } else if (m !== 0) {
        // Chan et al. as GenericUDAFVariance.calculateMerge writes it (A = this buffer, B = the partial).
        const a = s[g] ?? 0;
        const t = (m / n) * a - p.sum;
        v[g] = (v[g] ?? 0) + (p.variance + (n / m / (n + m)) * t * t);
        c[g] = n + m;
        s[g] = a + p.sum;
      }
    },
    partial(state, g) {
      return { count: BigInt(count(state)[g] ?? 0), sum: sum(state)[g] ?? 0, variance: m2(state)[g] ?? 0 };
    },
    finish(state, g, stat) {
      return finishUdaf(stat, count(state)[g] ?? 0, m2(state)[g] ?? 0);
    },
  };
}

function readNumbers(
  col: Column,
  numRows: number,
): { values: NumberValues; validity: Uint8Array | null; numRows: number } | null {
  const values = numberValuesOf(col, numRows);
  return values == null ? null : { values, validity: col.validity, numRows };
}

/** GenericUDAFVariance & co. (CBO off): Welford-style streaming M2, Chan merge. Partial {count, sum, variance}. */
export function createVarianceUdafEvaluator(input: DataType, stat: VarianceStat | 'm2'): AggregateEvaluator {
  const read = doubleReaderFor(input);
  const part = createVariancePart(0);
  const ev: AggregateEvaluator = {
    inputTypes: [input],
    partialType: VARIANCE_PARTIAL_TYPE,
    resultType: HiveTypes.double,
    layout: { slots: part.slots, usesSideState: false },
    // GenericUDAFVariance.iterate, operation for operation (see `createVariancePart.add`).
    ...(readsAsNumbers(input)
      ? {
          rowUpdate: {
            argument: 0,
            statements: [
              'const n = $count + 1; $count = n; const s = $sum + $v; $sum = s; if (n > 1) { const t = n * $v - s; $variance += (t * t) / (n * (n - 1)); }',
            ],
          },
        }
      : {}),
    init: (state, g) => part.init(state, g),
    accumulate(state, g, args) {
      const v = args[0];
      if (v == null) return;
      const d = read(v);
      // An unparseable string is skipped entirely (NumberFormatException caught before counting).
      if (d != null) part.add(state, g, d);
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const col = argColumn(args, 0);
      const x = readNumbers(col, numRows);
      if (x == null) {
        for (let i = 0; i < numRows; i++) ev.accumulate(state, groupIds[i] ?? 0, [getValue(col, i)]);
        return;
      }
      part.addBatch(state, groupIds, x);
    },
    merge: (state, g, partial) => part.merge(state, g, partial),
    terminatePartial: (state, g) => part.partial(state, g),
    terminate: (state, g) => part.finish(state, g, stat),
    ...VALUE_PARTIAL_CODEC,
  };
  return ev;
}

/**
 * Hive ≥ 3 with CBO (HiveAggregateReduceFunctionsRule): var_pop = (Σx² − (Σx)²/n)/n with x = CAST(x AS DOUBLE),
 * var_samp divides by n − 1 (NULL when n = 1), stddev = POWER(var, 0.5). n counts non-NULL inputs, the sums
 * skip values whose CAST is NULL (unparseable strings) and are NULL when nothing was added.
 * Partial {count, sum, sumsq} (sum/sumsq NULL when empty).
 */
export function createVarianceCboEvaluator(input: DataType, stat: VarianceStat): AggregateEvaluator {
  const read = doubleReaderFor(input);
  const count = (s: AccumulatorState): Float64Array => slotF64(s, 0);
  const nonEmpty = (s: AccumulatorState): Uint8Array => slotU8(s, 1);
  const sum = (s: AccumulatorState): Float64Array => slotF64(s, 2);
  const sumSq = (s: AccumulatorState): Float64Array => slotF64(s, 3);
  const partialType = structType([
    { name: 'count', type: HiveTypes.bigint },
    { name: 'sum', type: HiveTypes.double },
    { name: 'sumsq', type: HiveTypes.double },
  ]);
  const ev: AggregateEvaluator = {
    inputTypes: [input],
    partialType,
    resultType: HiveTypes.double,
    layout: {
      slots: [
        { name: 'count', type: 'f64' },
        { name: 'nonEmpty', type: 'u8' },
        { name: 'sum', type: 'f64' },
        { name: 'sumsq', type: 'f64' },
      ],
      usesSideState: false,
    },
    ...(readsAsNumbers(input)
      ? {
          rowUpdate: {
            argument: 0,
            statements: ['$count += 1;', '$nonEmpty = 1; $sum += $v; $sumsq += $v * $v;'],
          },
        }
      : {}),
    init(state, g) {
      count(state)[g] = 0;
      nonEmpty(state)[g] = 0;
      sum(state)[g] = 0;
      sumSq(state)[g] = 0;
    },
    accumulate(state, g, args) {
      const v = args[0];
      if (v == null) return;
      const c = count(state);
      c[g] = (c[g] ?? 0) + 1;
      const d = read(v);
      if (d == null) return;
      nonEmpty(state)[g] = 1;
      const s = sum(state);
      const q = sumSq(state);
      s[g] = (s[g] ?? 0) + d;
      q[g] = (q[g] ?? 0) + d * d;
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const col = argColumn(args, 0);
      const x = readNumbers(col, numRows);
      if (x == null) {
        for (let i = 0; i < numRows; i++) ev.accumulate(state, groupIds[i] ?? 0, [getValue(col, i)]);
        return;
      }
      varianceCboKernel(
        { count: count(state), nonEmpty: nonEmpty(state), sum: sum(state), sumSq: sumSq(state) },
        groupIds,
        { x, numRows },
      );
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const p = partial as {
        readonly count: bigint;
        readonly sum: number | null;
        readonly sumsq: number | null;
      };
      const c = count(state);
      c[g] = (c[g] ?? 0) + Number(p.count);
      if (p.sum == null || p.sumsq == null) return;
      nonEmpty(state)[g] = 1;
      const s = sum(state);
      const q = sumSq(state);
      s[g] = (s[g] ?? 0) + p.sum;
      q[g] = (q[g] ?? 0) + p.sumsq;
    },
    terminatePartial(state, g) {
      const has = nonEmpty(state)[g] === 1;
      return {
        count: BigInt(count(state)[g] ?? 0),
        sum: has ? (sum(state)[g] ?? 0) : null,
        sumsq: has ? (sumSq(state)[g] ?? 0) : null,
      };
    },
    terminate(state, g) {
      const n = count(state)[g] ?? 0;
      if (n === 0 || nonEmpty(state)[g] !== 1) return null;
      const s = sum(state)[g] ?? 0;
      const numerator = (sumSq(state)[g] ?? 0) - (s * s) / n;
      const samp = stat === 'var_samp' || stat === 'stddev_samp';
      if (samp && n === 1) return null;
      const variance = numerator / (samp ? n - 1 : n);
      return stat === 'stddev_pop' || stat === 'stddev_samp' ? Math.pow(variance, 0.5) : variance;
    },
    ...VALUE_PARTIAL_CODEC,
  };
  return ev;
}

function distinctSorted(values: readonly number[]): number[] {
  // Group-by keys: -0.0 and 0.0 are different keys, all NaNs one key; the reducer sees them in key order.
  const seen = new Map<string, number>();
  for (const v of values) seen.set(Object.is(v, -0) ? '-0' : String(v), v);
  return [...seen.values()].sort((a, b) => {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
    if (a === b)
      return Object.is(a, -0) && !Object.is(b, -0) ? -1 : Object.is(b, -0) && !Object.is(a, -0) ? 1 : 0;
    return a - b;
  });
}

/**
 * `var_pop(DISTINCT x)` & co. with CBO: Hive's rewrite passes DISTINCT to each generated aggregate, so the result
 * is built from SUM(DISTINCT x²), SUM(DISTINCT x) (over CAST(x AS DOUBLE)) and COUNT(DISTINCT x) — x and −x
 * collapse in Σx². State and partials are `withDistinct`'s (the distinct x values); terminate recomputes the
 * three aggregates from them.
 */
export function createVarianceCboDistinctEvaluator(
  input: DataType,
  stat: VarianceStat,
  wrap: (inner: AggregateEvaluator) => AggregateEvaluator,
): AggregateEvaluator {
  const read = doubleReaderFor(input);
  const base = wrap(createVarianceCboEvaluator(input, stat));
  return {
    ...base,
    terminate(state, g) {
      const set = state.side[g];
      const tuples = set instanceof Map ? ([...set.values()] as (readonly unknown[])[]) : [];
      const xs = tuples.map((t) => t[0]).filter((v) => v != null);
      const n = xs.length;
      const ds = xs.map(read).filter((d): d is number => d != null);
      if (n === 0 || ds.length === 0) return null;
      const s = distinctSorted(ds).reduce((acc, v) => acc + v, 0);
      const sq = distinctSorted(ds.map((d) => d * d)).reduce((acc, v) => acc + v, 0);
      const samp = stat === 'var_samp' || stat === 'stddev_samp';
      if (samp && n === 1) return null;
      const v = (sq - (s * s) / n) / (samp ? n - 1 : n);
      return stat === 'stddev_pop' || stat === 'stddev_samp' ? Math.pow(v, 0.5) : v;
    },
  };
}
