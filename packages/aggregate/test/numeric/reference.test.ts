import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalType, HiveTypes } from '@hive-batch/core';
import type { DataType, HiveDecimalValue } from '@hive-batch/core';
import {
  aggregateRows,
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
  variance,
  varSamp,
} from '@hive-batch/aggregate';
import {
  referenceAvgDecimal,
  referenceAvgDouble,
  referenceCount,
  referenceDistinct,
  referenceExtreme,
  referencePairStat,
  referenceSumDecimal,
  referenceSumDouble,
  referenceSumLong,
  referenceVariance,
} from '@hive-batch/test-utils';
import type { ReferencePairStat, ReferenceVarianceStat } from '@hive-batch/test-utils';
import { approxEquals, exactEquals, show } from '../helpers/split-invariance';
import { valueArb } from './arbitraries';
import { runComplete as run } from '../helpers/run-aggregate';

const values = (t: DataType, small = false): fc.Arbitrary<unknown[]> =>
  fc.array(valueArb(t, small), { maxLength: 50 });
const col = (vs: readonly unknown[]): unknown[][] => vs.map((v) => [v]);
const close = approxEquals(1e-9, 1e-9);

function expectAgree(actual: unknown, expected: unknown, eq = exactEquals): void {
  expect(eq(actual, expected), `${show(actual)} vs reference ${show(expected)}`).toBe(true);
}

describe('fast paths agree with the naive decimal.js references', () => {
  it('count, count(DISTINCT)', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(values(HiveTypes.int), (vs) => {
        expectAgree(run(count, { argumentTypes: [HiveTypes.int] }, col(vs)), referenceCount(col(vs)));
        expectAgree(
          run(count, { argumentTypes: [HiveTypes.int], distinct: true }, col(vs)),
          referenceCount(col(vs), { distinct: true }),
        );
        expectAgree(
          run(count, { argumentTypes: [], star: true }, col(vs)),
          referenceCount(col(vs), { star: true }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('sum over int/bigint (wrapping) and decimal (exact)', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(values(HiveTypes.bigint), values(HiveTypes.int), (bs, is) => {
        expectAgree(
          run(sum, { argumentTypes: [HiveTypes.bigint] }, col(bs)),
          referenceSumLong(bs as (bigint | null)[]),
        );
        expectAgree(
          run(sum, { argumentTypes: [HiveTypes.int] }, col(is)),
          referenceSumLong(is as (number | null)[]),
        );
      }),
      { numRuns: 60 },
    );
    const t = decimalType(18, 4);
    fc.assert(
      fc.property(values(t), (ds) => {
        expectAgree(
          run(sum, { argumentTypes: [t] }, col(ds)),
          referenceSumDecimal(ds as (HiveDecimalValue | null)[], { precision: 28, scale: 4 }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('sum over doubles within rounding of the exact sum', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(values(HiveTypes.double, true), (ds) => {
        expectAgree(
          run(sum, { argumentTypes: [HiveTypes.double] }, col(ds)),
          referenceSumDouble(ds as (number | null)[]),
          close,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('avg: doubles (both paths) and decimals (UDAF type, HALF_UP)', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(values(HiveTypes.int), fc.boolean(), (is, cboEnabled) => {
        expectAgree(
          run(avg, { argumentTypes: [HiveTypes.int], cboEnabled }, col(is)),
          referenceAvgDouble(is as (number | null)[]),
          close,
        );
      }),
      { numRuns: 60 },
    );
    const t = decimalType(12, 3);
    fc.assert(
      fc.property(values(t), (ds) => {
        const udaf = resolveAggregate(avg, { argumentTypes: [t], cboEnabled: false });
        const rt = udaf.resultType.kind === 'decimal' ? udaf.resultType : decimalType(38, 0);
        expectAgree(
          aggregateRows(udaf, col(ds), 'complete'),
          referenceAvgDecimal(ds as (HiveDecimalValue | null)[], rt),
        );
        const cbo = resolveAggregate(avg, { argumentTypes: [t] });
        const ct = cbo.resultType.kind === 'decimal' ? cbo.resultType : decimalType(38, 0);
        expectAgree(
          aggregateRows(cbo, col(ds), 'complete'),
          referenceAvgDecimal(ds as (HiveDecimalValue | null)[], ct),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('avg(DISTINCT) = reference avg over the distinct values', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { maxLength: 30 }),
        (is) => {
          expectAgree(
            run(avg, { argumentTypes: [HiveTypes.int], distinct: true }, col(is)),
            referenceAvgDouble(referenceDistinct(is) as number[]),
            close,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('min/max with Double.compare ordering (NaN greatest)', () => {
    expect.hasAssertions();
    const javaCompare = (a: number, b: number): number =>
      a < b ? -1 : a > b ? 1 : a === b ? 0 : Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
    fc.assert(
      fc.property(values(HiveTypes.double), (ds) => {
        const xs = ds as (number | null)[];
        expectAgree(
          run(max, { argumentTypes: [HiveTypes.double] }, col(xs)),
          referenceExtreme(xs, true, javaCompare),
        );
        expectAgree(
          run(min, { argumentTypes: [HiveTypes.double] }, col(xs)),
          referenceExtreme(xs, false, javaCompare),
        );
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    [variance, 'var_pop'],
    [varSamp, 'var_samp'],
    [stddev, 'stddev_pop'],
    [stddevSamp, 'stddev_samp'],
  ] as const)('%#: variance family, both paths', (def, stat: ReferenceVarianceStat) => {
    expect.hasAssertions();
    fc.assert(
      fc.property(values(HiveTypes.int, true), fc.boolean(), (is, cboEnabled) => {
        expectAgree(
          run(def, { argumentTypes: [HiveTypes.int], cboEnabled }, col(is)),
          referenceVariance(is as (number | null)[], stat),
          approxEquals(1e-9, 1e-7),
        );
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    [covarPop, 'covar_pop'],
    [covarSamp, 'covar_samp'],
    [corr, 'corr'],
    [regrCount, 'regr_count'],
    [regrSxx, 'regr_sxx'],
    [regrSyy, 'regr_syy'],
    [regrSxy, 'regr_sxy'],
    [regrAvgx, 'regr_avgx'],
    [regrAvgy, 'regr_avgy'],
    [regrSlope, 'regr_slope'],
    [regrIntercept, 'regr_intercept'],
    [regrR2, 'regr_r2'],
  ] as const)('%#: two-argument statistics', (def, stat: ReferencePairStat) => {
    expect.hasAssertions();
    const pair = fc.tuple(valueArb(HiveTypes.int, true), valueArb(HiveTypes.int, true));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 40 }), (pairs) => {
        expectAgree(
          run(def, { argumentTypes: [HiveTypes.int, HiveTypes.int] }, pairs),
          referencePairStat(pairs, stat),
          approxEquals(1e-8, 1e-7),
        );
      }),
      { numRuns: 40 },
    );
  });
});
