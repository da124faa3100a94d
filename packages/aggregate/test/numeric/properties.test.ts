import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayType, columnFromValues, decimalType, HiveTypes, structType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import {
  aggregateBatchGrouped,
  aggregateRowsGrouped,
  avg,
  corr,
  count,
  covarPop,
  covarSamp,
  max,
  min,
  regrAvgx,
  regrAvgy,
  regrCount,
  regrIntercept,
  regrR2,
  regrSlope,
  regrSxx,
  regrSxy,
  regrSyy,
  resolveAggregate,
  stddev,
  stddevSamp,
  sum,
  sum0,
  variance,
  varSamp,
} from '@hive-batch/aggregate';
import type { AggregateFunctionDefinition, ResolveAggregateOptions } from '@hive-batch/aggregate';
import type { ValueEquality } from '../helpers/split-invariance';
import { approxEquals, checkSplitInvariance, exactEquals, show } from '../helpers/split-invariance';
import { rowArb } from './arbitraries';

/** Exact, except that -0.0 and 0.0 are equal (min/max keep whichever came first). */
const exactIgnoringZeroSign: ValueEquality = (a, b) =>
  exactEquals(a, b) || (typeof a === 'number' && typeof b === 'number' && a === b);

/** Doubles: relative 1e-9, absolute 1e-6 (sums of values ≤ 1000 in any order). */
const doubles = approxEquals(1e-9, 1e-6);

interface Case {
  readonly name: string;
  readonly def: AggregateFunctionDefinition;
  readonly call: ResolveAggregateOptions;
  readonly equals: ValueEquality;
  readonly small?: boolean;
}

const I = HiveTypes.int;
const D = HiveTypes.double;
const DEC = decimalType(12, 3);
const cases: Case[] = [
  { name: 'count(*)', def: count, call: { argumentTypes: [], star: true }, equals: exactEquals },
  { name: 'count(a)', def: count, call: { argumentTypes: [D] }, equals: exactEquals },
  {
    name: 'count(DISTINCT a, b)',
    def: count,
    call: { argumentTypes: [HiveTypes.tinyint, HiveTypes.boolean], distinct: true },
    equals: exactEquals,
  },
  { name: 'sum(int)', def: sum, call: { argumentTypes: [I] }, equals: exactEquals },
  {
    name: 'sum(bigint) wrapping',
    def: sum,
    call: { argumentTypes: [HiveTypes.bigint] },
    equals: exactEquals,
  },
  { name: 'sum(decimal)', def: sum, call: { argumentTypes: [DEC] }, equals: exactEquals },
  // decimal(28,2) sums to decimal(38,2) and 40 rows cannot overflow it; overflow breaks split invariance on
  // purpose (Hive drops overflowed partials), see edge-cases.test.ts.
  {
    name: 'sum(decimal(28,2))',
    def: sum,
    call: { argumentTypes: [decimalType(28, 2)] },
    equals: exactEquals,
  },
  { name: 'sum(double)', def: sum, call: { argumentTypes: [D] }, equals: doubles, small: true },
  { name: 'sum(string)', def: sum, call: { argumentTypes: [HiveTypes.string] }, equals: doubles },
  {
    name: 'sum(DISTINCT double)',
    def: sum,
    call: { argumentTypes: [D], distinct: true },
    equals: exactEquals,
  },
  { name: '$sum0(smallint)', def: sum0, call: { argumentTypes: [HiveTypes.smallint] }, equals: exactEquals },
  { name: 'avg(int) cbo', def: avg, call: { argumentTypes: [I] }, equals: exactEquals },
  { name: 'avg(decimal) cbo', def: avg, call: { argumentTypes: [DEC] }, equals: exactEquals },
  {
    name: 'avg(decimal) udaf',
    def: avg,
    call: { argumentTypes: [DEC], cboEnabled: false },
    equals: exactEquals,
  },
  {
    name: 'avg(float) udaf',
    def: avg,
    call: { argumentTypes: [HiveTypes.float], cboEnabled: false },
    equals: doubles,
    small: true,
  },
  {
    name: 'avg(DISTINCT string)',
    def: avg,
    call: { argumentTypes: [HiveTypes.string], distinct: true },
    equals: exactEquals,
  },
  { name: 'max(double)', def: max, call: { argumentTypes: [D] }, equals: exactIgnoringZeroSign },
  { name: 'min(double)', def: min, call: { argumentTypes: [D] }, equals: exactIgnoringZeroSign },
  { name: 'max(bigint)', def: max, call: { argumentTypes: [HiveTypes.bigint] }, equals: exactEquals },
  { name: 'min(timestamp)', def: min, call: { argumentTypes: [HiveTypes.timestamp] }, equals: exactEquals },
  { name: 'max(decimal)', def: max, call: { argumentTypes: [DEC] }, equals: exactEquals },
  { name: 'min(string)', def: min, call: { argumentTypes: [HiveTypes.string] }, equals: exactEquals },
  { name: 'max(date)', def: max, call: { argumentTypes: [HiveTypes.date] }, equals: exactEquals },
  {
    name: 'variance(DISTINCT int) cbo',
    def: variance,
    call: { argumentTypes: [I], distinct: true },
    equals: exactEquals,
    small: true,
  },
  { name: 'variance(int) cbo', def: variance, call: { argumentTypes: [I] }, equals: doubles, small: true },
  {
    name: 'var_samp(double) udaf',
    def: varSamp,
    call: { argumentTypes: [D], cboEnabled: false },
    equals: doubles,
    small: true,
  },
  {
    name: 'stddev(decimal) cbo',
    def: stddev,
    call: { argumentTypes: [decimalType(5, 2)] },
    equals: doubles,
    small: true,
  },
  {
    name: 'stddev_samp(int) udaf',
    def: stddevSamp,
    call: { argumentTypes: [I], cboEnabled: false },
    equals: doubles,
    small: true,
  },
  {
    name: 'covar_pop(int, double)',
    def: covarPop,
    call: { argumentTypes: [I, D] },
    equals: doubles,
    small: true,
  },
  {
    name: 'covar_samp(bigint, int)',
    def: covarSamp,
    call: { argumentTypes: [HiveTypes.bigint, I] },
    equals: doubles,
    small: true,
  },
  {
    name: 'corr(int, int)',
    def: corr,
    call: { argumentTypes: [I, I] },
    equals: approxEquals(1e-7, 1e-7),
    small: true,
  },
  {
    name: 'regr_slope(int, int)',
    def: regrSlope,
    call: { argumentTypes: [I, I] },
    equals: approxEquals(1e-7, 1e-7),
    small: true,
  },
  {
    name: 'regr_intercept(int, int)',
    def: regrIntercept,
    call: { argumentTypes: [I, I] },
    equals: approxEquals(1e-7, 1e-6),
    small: true,
  },
  {
    name: 'regr_r2(int, int)',
    def: regrR2,
    call: { argumentTypes: [I, I] },
    equals: approxEquals(1e-7, 1e-7),
    small: true,
  },
  { name: 'regr_sxx(int, int)', def: regrSxx, call: { argumentTypes: [I, I] }, equals: doubles, small: true },
  {
    name: 'regr_syy(int, double)',
    def: regrSyy,
    call: { argumentTypes: [I, D] },
    equals: doubles,
    small: true,
  },
  { name: 'regr_sxy(int, int)', def: regrSxy, call: { argumentTypes: [I, I] }, equals: doubles, small: true },
  { name: 'regr_avgx(int, decimal)', def: regrAvgx, call: { argumentTypes: [I, DEC] }, equals: exactEquals },
  {
    name: 'regr_avgy(double, int)',
    def: regrAvgy,
    call: { argumentTypes: [D, I] },
    equals: doubles,
    small: true,
  },
  { name: 'regr_count(int, int)', def: regrCount, call: { argumentTypes: [I, I] }, equals: exactEquals },
];

describe('split invariance: PARTIAL1 per chunk → PARTIAL2 in any tree → FINAL ≡ COMPLETE', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(() =>
      checkSplitInvariance({
        definition: c.def,
        call: c.call,
        row: rowArb(c.call.argumentTypes, c.small ?? false),
        equals: c.equals,
        numRuns: 40,
      }),
    ).not.toThrow();
  });
});

function typesOf(c: Case): readonly DataType[] {
  return resolveAggregate(c.def, c.call).inputTypes;
}

describe('batch kernel ≡ row-at-a-time accumulate (same groups, same row order: bit-exact)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ev = resolveAggregate(c.def, c.call);
    const types = typesOf(c);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rowArb(types, c.small ?? false), fc.nat(3)), { maxLength: 60 }),
        (rowsWithGroups) => {
          const rows = rowsWithGroups.map(([r]) => r);
          const groupIds = rowsWithGroups.map(([, g]) => g);
          const columns = types.map((t, k) =>
            columnFromValues(
              t,
              rows.map((r) => r[k] ?? null),
            ),
          );
          const viaRows = aggregateRowsGrouped(ev, rows, { mode: 'partial1', groupIds, numGroups: 4 });
          const viaBatch = aggregateBatchGrouped(ev, columns, {
            mode: 'partial1',
            groupIds,
            numGroups: 4,
            numRows: rows.length,
          });
          expect(exactEquals(viaBatch, viaRows), `${show(viaBatch)} vs ${show(viaRows)}`).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('min/max over structs and arrays (side-state path)', () => {
  const st = structType([
    { name: 'a', type: HiveTypes.int },
    { name: 'b', type: HiveTypes.string },
  ]);
  const ar = arrayType(HiveTypes.int);
  const structArb = fc.option(
    fc.record({
      a: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
      b: fc.option(fc.string({ maxLength: 2 }), { nil: null }),
    }),
    { nil: null },
  );
  const arrayArb = fc.option(
    fc.array(fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }), { maxLength: 3 }),
    {
      nil: null,
    },
  );
  it.each([
    ['max(struct)', max, st, structArb],
    ['min(struct)', min, st, structArb],
    ['max(array)', max, ar, arrayArb],
    ['min(array)', min, ar, arrayArb],
  ] as const)('%s: split invariance and batch ≡ rows', (_name, def, type, arb) => {
    const row = arb.map((v): readonly unknown[] => [v]);
    expect(() =>
      checkSplitInvariance({ definition: def, call: { argumentTypes: [type] }, row, numRuns: 40 }),
    ).not.toThrow();
    const ev = resolveAggregate(def, { argumentTypes: [type] });
    fc.assert(
      fc.property(fc.array(fc.tuple(arb, fc.nat(2)), { maxLength: 30 }), (pairs) => {
        const values = pairs.map(([v]) => v);
        const groupIds = pairs.map(([, g]) => g);
        const viaRows = aggregateRowsGrouped(
          ev,
          values.map((v) => [v]),
          { mode: 'complete', groupIds, numGroups: 3 },
        );
        const viaBatch = aggregateBatchGrouped(ev, [columnFromValues(type, values)], {
          mode: 'complete',
          groupIds,
          numGroups: 3,
          numRows: values.length,
        });
        expect(exactEquals(viaBatch, viaRows), `${show(viaBatch)} vs ${show(viaRows)}`).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
