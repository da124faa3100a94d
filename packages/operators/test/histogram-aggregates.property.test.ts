import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramNumeric, percentileApprox } from '@hive-batch/aggregate';
import { HiveTypes, createSchema } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { hashAggregate } from '@hive-batch/operators';
import type { AggregateCall } from '@hive-batch/operators';
import { rowsToBatches } from './helpers/batches';
import { referenceGroupBy, rowsByKey } from './helpers/reference';
import { TUNING } from '../src/internal/tuning';

// percentile_approx and histogram_numeric ask for long runs of rows per group: the operator holds rows back and
// their kernels gather each group's values before adding them. With few bins every group trims on most rows, so
// any change of a group's row order (or a lost or repeated row) changes the bins.
const schema = createSchema([
  { name: 'k', type: HiveTypes.int },
  { name: 'v', type: HiveTypes.double },
  { name: 'nb', type: HiveTypes.int },
]);

const calls: readonly AggregateCall[] = [
  {
    function: percentileApprox,
    args: [
      1,
      { constant: [0.1, 0.5, 0.9], type: { kind: 'array', element: HiveTypes.double } },
      { constant: 6, type: HiveTypes.int },
    ],
  },
  { function: histogramNumeric, args: [1, { constant: 4, type: HiveTypes.int }] },
  // A bin count from a column: each group takes it from its first row with both arguments non-NULL, as Hive does.
  { function: histogramNumeric, args: [1, 2] },
];

const rowArb = fc.tuple(
  fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 10 }),
  fc.option(
    fc.integer({ min: -300, max: 300 }).map((k) => k / 100),
    { nil: null, freq: 8 },
  ),
  fc.option(fc.integer({ min: 2, max: 5 }), { nil: null, freq: 8 }),
);

function toBatches(rows: readonly unknown[][], batchSize: number): ColumnBatch[] {
  return rowsToBatches(schema, rows, batchSize);
}

describe('HashAggregate with histogram aggregates (rows held back and gathered per group)', () => {
  it('equals the row-at-a-time reference bit for bit, for any batch size and hold-back size', async () => {
    const saved = { ...TUNING };
    try {
      const run = fc.assert(
        fc.asyncProperty(
          fc.array(rowArb, { maxLength: 400, size: 'max' }),
          fc.integer({ min: 1, max: 400 }),
          fc.integer({ min: 1, max: 300 }),
          async (rows, batchSize, deferRows) => {
            TUNING.deferRows = deferRows;
            const out: ColumnBatch[] = [];
            for await (const b of hashAggregate(toBatches(rows, batchSize), {
              inputSchema: schema,
              groupBy: [0],
              aggregates: calls,
            })) {
              out.push(b);
            }
            const expected = referenceGroupBy(toBatches(rows, Math.max(1, rows.length)), {
              types: schema.fields.map((f) => f.type),
              groupBy: [0],
              calls,
            });
            expect(rowsByKey(out, 1)).toEqual(expected);
          },
        ),
        { numRuns: 120 },
      );
      await expect(run).resolves.toBeUndefined();
    } finally {
      Object.assign(TUNING, saved);
    }
  });
});
