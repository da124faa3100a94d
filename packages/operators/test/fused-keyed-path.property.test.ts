// With one int key and only fusable aggregates, HashAggregate's fused loop looks groups up in the key table's
// direct map itself (no group-id column). Appending a DISTINCT aggregate, which has its own kernel, turns that path
// off, so the same input through both must give the same groups, in the same order, with identical values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avg, count, max, min, stddevSamp, sum, varSamp } from '@hive-batch/aggregate';
import { HiveTypes, createSchema, getValue } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { hashAggregate } from '@hive-batch/operators';
import type { AggregateCall } from '@hive-batch/operators';
import { rowsToBatches } from './helpers/batches';
import { TUNING } from '../src/internal/tuning';

const schema = createSchema([
  { name: 'k', type: HiveTypes.int },
  { name: 'v', type: HiveTypes.double },
]);

const FUSED: readonly AggregateCall[] = [
  { function: count, star: true },
  { function: count, args: [1] },
  { function: sum, args: [1] },
  { function: avg, args: [1] },
  { function: min, args: [1] },
  { function: max, args: [1] },
  { function: varSamp, args: [1] },
  { function: stddevSamp, args: [1] },
];
/** The same calls plus one with its own kernel: group ids are computed, the keyed loop is not used. */
const WITH_DISTINCT: readonly AggregateCall[] = [...FUSED, { function: count, args: [1], distinct: true }];

const valueArb = fc.oneof(
  fc.integer({ min: -40, max: 40 }).map((x) => x / 4),
  fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity),
);

/**
 * 41 keys (so new ones keep turning up in later batches, at any row of an 8-row block), shifted negative in some
 * scenarios; sometimes one NULL key (that batch takes the group-id path) or one int32 extreme (the table switches
 * to hashing from then on).
 */
const scenarioArb = fc.record({
  rows: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.option(valueArb, { nil: null, freq: 6 })), {
    maxLength: 400,
    size: 'max',
  }),
  batchSize: fc.integer({ min: 1, max: 70 }),
  offset: fc.constantFrom(0, -20, -600),
  nullKeyAt: fc.option(fc.nat(400), { nil: null, freq: 3 }),
  extremeKeyAt: fc.option(fc.nat(400), { nil: null, freq: 4 }),
  // Rows before the unrolled and keyed loops take over: from the start, mid-stream, or never.
  unrollAfterRows: fc.constantFrom(0, 0, 37, 2 ** 30),
});

async function run(
  batches: readonly ColumnBatch[],
  aggregates: readonly AggregateCall[],
): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const b of hashAggregate(batches, { inputSchema: schema, groupBy: [0], aggregates })) {
    for (let r = 0; r < b.numRows; r++) {
      out.push(FUSED.map((_, c) => getValue(b.columns[c + 1]!, r)).concat([getValue(b.columns[0]!, r)]));
    }
  }
  return out;
}

describe('HashAggregate keyed fused loop', () => {
  it('≡ the group-id path (any batch size, NULLs, keys new mid-batch, negative, outside the direct map)', async () => {
    const check = fc.assert(
      fc.asyncProperty(scenarioArb, async (sc) => {
        const rows = sc.rows.map(([k, v], i) => [
          i === sc.nullKeyAt ? null : i === sc.extremeKeyAt ? -2147483648 : k + sc.offset,
          v,
        ]);
        const batches = rowsToBatches(schema, rows, sc.batchSize);
        const saved = TUNING.unrollAfterRows;
        TUNING.unrollAfterRows = sc.unrollAfterRows;
        const keyed = await run(batches, FUSED).finally(() => {
          TUNING.unrollAfterRows = saved;
        });
        const byGroupIds = await run(batches, WITH_DISTINCT);
        expect(keyed.length).toBe(byGroupIds.length);
        keyed.forEach((row, g) => {
          row.forEach((x, c) => {
            if (!Object.is(x, byGroupIds[g]?.[c]))
              throw new Error(`group ${g} column ${c}: ${String(x)} vs ${String(byGroupIds[g]?.[c])}`);
          });
        });
      }),
      { numRuns: 200 },
    );
    await expect(check).resolves.toBeUndefined();
  });
});
