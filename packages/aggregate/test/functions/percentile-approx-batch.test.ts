import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveDecimal, HiveTypes, arrayType, columnFromValues, decimalType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import {
  aggregateBatchGrouped,
  aggregateRowsGrouped,
  histogramNumeric,
  percentileApprox,
  resolveAggregate,
} from '@hive-batch/aggregate';
import type { AggregateEvaluator } from '@hive-batch/aggregate';
import { exactEquals, show } from '../helpers/split-invariance';
import { checkBatchEquivalence } from './batch-equivalence';

/** PARTIAL1 and COMPLETE results of `ev` over `rows` in groups `groupIds`, via the batch kernel and via rows. */
function bothWays(
  ev: AggregateEvaluator,
  rows: readonly (readonly unknown[])[],
  groupIds: readonly number[],
): { batch: string; rows: string } {
  const columns = ev.inputTypes.map((t, k) =>
    columnFromValues(
      t,
      rows.map((r) => r[k] ?? null),
    ),
  );
  const numGroups = Math.max(0, ...groupIds) + 1;
  const out = { batch: '', rows: '' };
  for (const mode of ['partial1', 'complete'] as const) {
    const viaBatch = aggregateBatchGrouped(ev, columns, { mode, groupIds, numGroups, numRows: rows.length });
    const viaRows = aggregateRowsGrouped(ev, rows, { mode, groupIds, numGroups });
    out.batch += `${mode}: ${show(viaBatch)}\n`;
    out.rows += `${mode}: ${show(viaRows)}\n`;
    // show() can print two different doubles alike; exactEquals compares bits.
    if (!exactEquals(viaBatch, viaRows)) out.batch += '(not bit-identical)\n';
  }
  return out;
}

const gridValue = fc.integer({ min: 0, max: 5000 }).map((k) => k / 100);

describe('percentile_approx batch kernel ≡ row-at-a-time accumulate', () => {
  const pa = (valueType: DataType, nb = 10): AggregateEvaluator =>
    resolveAggregate(percentileApprox, {
      argumentTypes: [valueType, arrayType(HiveTypes.double), HiveTypes.int],
      constantArguments: [undefined, [0.1, 0.5, 0.9], nb],
    });

  it('on double columns with NULLs, long enough to trim many times, over several groups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(gridValue, { nil: null, freq: 10 }), fc.nat(2)), {
          maxLength: 1500,
          size: 'max',
        }),
        fc.integer({ min: 1, max: 30 }),
        (rowsWithGroups, nb) => {
          const rows = rowsWithGroups.map(([v]) => [v, [0.1, 0.5, 0.9], nb]);
          const r = bothWays(
            pa(HiveTypes.double, nb),
            rows,
            rowsWithGroups.map(([, g]) => g),
          );
          expect(r.batch).toBe(r.rows);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('on int, bigint, float (typed path) and decimal (generic path) columns', () => {
    const cases: [DataType, fc.Arbitrary<unknown>][] = [
      [HiveTypes.int, fc.integer({ min: -50, max: 50 })],
      [HiveTypes.bigint, fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n })],
      [HiveTypes.float, fc.float({ noNaN: true, min: -100, max: 100 })],
      [
        decimalType(10, 2),
        fc.integer({ min: -9999, max: 9999 }).map((k) => new HiveDecimal((k / 100).toFixed(2))),
      ],
    ];
    for (const [type, value] of cases) {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.option(value, { nil: null }), fc.nat(2)), { maxLength: 300, size: 'max' }),
          (rg) => {
            const rows = rg.map(([v]) => [v, [0.1, 0.5, 0.9], 10]);
            const r = bothWays(
              pa(type),
              rows,
              rg.map(([, g]) => g),
            );
            expect(r.batch).toBe(r.rows);
          },
        ),
        { numRuns: 25 },
      );
    }
  });

  it('skips rows whose percentile argument is NULL, like accumulate (shared property helper)', () => {
    const ev = resolveAggregate(percentileApprox, {
      argumentTypes: [HiveTypes.double, HiveTypes.double],
      constantArguments: [undefined, 0.5],
    });
    expect(() =>
      checkBatchEquivalence(
        ev,
        fc.tuple(fc.option(gridValue, { nil: null }), fc.option(fc.constant(0.5), { nil: null, freq: 4 })),
      ),
    ).not.toThrow();
  });
});

describe('histogram_numeric batch kernel ≡ row-at-a-time accumulate', () => {
  it('on double and int columns with NULL values and NULL bin counts', () => {
    for (const [type, value] of [
      [HiveTypes.double, gridValue],
      [HiveTypes.int, fc.integer({ min: -40, max: 40 })],
    ] as const) {
      const ev = resolveAggregate(histogramNumeric, { argumentTypes: [type, HiveTypes.int] });
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.option(value, { nil: null, freq: 8 }),
              fc.option(fc.constant(6), { nil: null, freq: 8 }),
              fc.nat(2),
            ),
            { maxLength: 600, size: 'max' },
          ),
          (rg) => {
            const r = bothWays(
              ev,
              rg.map(([v, nb]) => [v, nb]),
              rg.map(([, , g]) => g),
            );
            expect(r.batch).toBe(r.rows);
          },
        ),
        { numRuns: 30 },
      );
    }
  });
});
