import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, arrayType } from '@hive-batch/core';
import {
  aggregateRows,
  percentile,
  percentileCont,
  percentileDisc,
  resolveAggregate,
} from '@hive-batch/aggregate';
import { referencePercentile } from '@hive-batch/test-utils';
import { checkSplitInvariance } from '../helpers/split-invariance';
import { checkBatchEquivalence } from './batch-equivalence';

const p = fc.constantFrom(0, 0.1, 0.25, 0.3, 0.5, 0.99, 1);
const longValue = fc.option(fc.bigInt({ min: -50n, max: 50n }), { nil: null });
const doubleValue = fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), {
  nil: null,
});

describe('exact percentiles ≡ naive reference (sort everything, interpolate)', () => {
  it('percentile(bigint, p)', () => {
    const ev = resolveAggregate(percentile, { argumentTypes: [HiveTypes.bigint, HiveTypes.double] });
    fc.assert(
      fc.property(fc.array(longValue, { maxLength: 40 }), p, (values, q) => {
        const rows = values.map((v) => [v, q]);
        expect(aggregateRows(ev, rows, 'complete')).toBe(referencePercentile(values, q));
      }),
      { numRuns: 100 },
    );
  });
  it('percentile_cont / percentile_disc (double, ASC and DESC)', () => {
    fc.assert(
      fc.property(fc.array(doubleValue, { maxLength: 40 }), p, fc.boolean(), (values, q, asc) => {
        for (const [fn, kind] of [
          [percentileCont, 'cont'],
          [percentileDisc, 'disc'],
        ] as const) {
          const ev = resolveAggregate(fn, {
            argumentTypes: [HiveTypes.double, HiveTypes.double, HiveTypes.boolean],
            constantArguments: [undefined, q, asc],
          });
          const got = aggregateRows(
            ev,
            values.map((v) => [v, q, asc]),
            'complete',
          );
          const want = referencePercentile(values, q, { kind, ascending: asc });
          // -0 and 0 are one key of the count table (either sign may come back).
          expect(got === want || (got === 0 && want === 0)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('exact percentiles: split invariance (exact) and batch ≡ rows', () => {
  it.each([
    ['percentile scalar', percentile, HiveTypes.double, 0.3],
    ['percentile array', percentile, arrayType(HiveTypes.double), [0, 0.5, 0.99]],
    ['percentile_cont', percentileCont, HiveTypes.double, 0.25],
    ['percentile_disc', percentileDisc, HiveTypes.double, 0.25],
  ] as const)('%s', (_name, fn, pcType, pc) => {
    const call = { argumentTypes: [HiveTypes.bigint, pcType], constantArguments: [undefined, pc] };
    const row = longValue.map((v) => [v, pc] as const);
    expect(() => checkSplitInvariance({ definition: fn, call, row, numRuns: 40 })).not.toThrow();
    expect(() => checkBatchEquivalence(resolveAggregate(fn, call), row)).not.toThrow();
  });
});
