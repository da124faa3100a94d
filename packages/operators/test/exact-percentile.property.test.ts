import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, percentileCont, percentileDisc } from '@hive-batch/aggregate';
import { HiveTypes, arrayType, createSchema } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { hashAggregate } from '@hive-batch/operators';
import type { AggregateCall } from '@hive-batch/operators';
import { mulberry32, tempDir } from '@hive-batch/test-utils';
import { rowsToBatches } from './helpers/batches';
import { referenceGroupBy, rowsByKey } from './helpers/reference';
import { TUNING } from '../src/internal/tuning';

// Exact percentiles beyond 2048 groups go through the percentile's pending log, which terminate lays out group by
// group and answers from directly (GroupedRuns). Groups seen while there were few groups hold values of their own
// as well, wide longs go to a side buffer, a percentile column that varies keeps a ref per row, and spills read
// partials: every mix is compared with the row-at-a-time reference, bit for bit.
const schema = createSchema([
  { name: 'k', type: HiveTypes.int },
  { name: 'b', type: HiveTypes.bigint },
  { name: 'v', type: HiveTypes.double },
  { name: 'p', type: HiveTypes.double },
]);

const calls: readonly AggregateCall[] = [
  { function: percentile, args: [1, { constant: 0.5, type: HiveTypes.double }] },
  { function: percentile, args: [1, { constant: [0, 0.25, 1], type: arrayType(HiveTypes.double) }] },
  { function: percentile, args: [1, 3] },
  {
    function: percentileCont,
    args: [2, { constant: 0.3, type: HiveTypes.double }, { constant: false, type: HiveTypes.boolean }],
  },
  { function: percentileDisc, args: [2, { constant: 0.5, type: HiveTypes.double }] },
];

const TWO_53 = 2n ** 53n;
const DOUBLES = [0, -0, Number.NaN, 1.5, -2.25, Number.POSITIVE_INFINITY];

const scenarioArb = fc.record({
  seed: fc.integer(),
  // Past 2048 groups the percentile logs its rows; below, rows go straight to their groups.
  groups: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2049, max: 4000 })),
  rows: fc.integer({ min: 0, max: 7000 }),
  batchSize: fc.integer({ min: 64, max: 4096 }),
  deferRows: fc.integer({ min: 1, max: 20000 }),
  clusterMinGroups: fc.integer({ min: 0, max: 5000 }),
  nullFraction: fc.constantFrom(0, 0.1, 0.5),
  wideFraction: fc.constantFrom(0, 0, 0.01),
  /** The percentile column: always 0.5, varying, or varying with NULLs. */
  percentileColumn: fc.constantFrom('constant', 'varying', 'withNulls'),
  spill: fc.boolean(),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** A row's percentile argument: 0.5 throughout, or one of a few (NULL among them for `withNulls`). */
function percentileOf(column: Scenario['percentileColumn'], u: number): number | null {
  if (column === 'constant') return 0.5;
  if (u < 0.3) return column === 'withNulls' ? null : 0.9;
  return u < 0.65 ? 0.25 : 0.75;
}

/** Keys skewed towards low ids (so early groups collect rows while the table is small), values with repeats. */
function rowsOf(sc: Scenario): unknown[][] {
  const rnd = mulberry32(sc.seed);
  const rows: unknown[][] = [];
  for (let i = 0; i < sc.rows; i++) {
    const u = rnd();
    const k = Math.floor(u * u * sc.groups);
    let b: bigint | null = BigInt(Math.floor(rnd() * 64) - 32);
    if (rnd() < sc.wideFraction) b = (rnd() < 0.5 ? -TWO_53 : TWO_53) * 3n + b;
    if (rnd() < sc.nullFraction) b = null;
    let v: number | null =
      rnd() < 0.2 ? DOUBLES[Math.floor(rnd() * DOUBLES.length)]! : Math.floor(rnd() * 40) / 4;
    if (rnd() < sc.nullFraction) v = null;
    const p = percentileOf(sc.percentileColumn, rnd());
    rows.push([k, b, v, p]);
  }
  return rows;
}

describe('HashAggregate with exact percentiles over many groups', () => {
  it('equals the row-at-a-time reference bit for bit (pending rows grouped at terminate)', async () => {
    const dir = await tempDir('hive-batch-pct-');
    const saved = { ...TUNING };
    try {
      const run = fc.assert(
        fc.asyncProperty(scenarioArb, async (sc) => {
          TUNING.deferRows = sc.deferRows;
          TUNING.clusterMinGroups = sc.clusterMinGroups;
          const rows = rowsOf(sc);
          const out: ColumnBatch[] = [];
          for await (const b of hashAggregate(rowsToBatches(schema, rows, sc.batchSize), {
            inputSchema: schema,
            groupBy: [0],
            aggregates: calls,
            highWaterMarkRows: 1000,
            // No spill when a group's first rows may lack a percentile: a partial without percentiles is ignored by
            // merge (as in Hive), values included, so the result then depends on where the spill cut the rows.
            ...(sc.spill && sc.percentileColumn !== 'withNulls'
              ? { memoryBudgetBytes: 400_000, spillDirectory: dir.path }
              : {}),
          })) {
            out.push(b);
          }
          const expected = referenceGroupBy(rowsToBatches(schema, rows, Math.max(1, rows.length)), {
            types: schema.fields.map((f) => f.type),
            groupBy: [0],
            calls,
          });
          expect(rowsByKey(out, 1)).toEqual(expected);
        }),
        { numRuns: 30 },
      );
      await expect(run).resolves.toBeUndefined();
    } finally {
      Object.assign(TUNING, saved);
    }
  });
});
