// Which calls the hash aggregation fuses, and that fused and unfused runs give identical results.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avg, count, max, min, stddevSamp, sum, varSamp } from '@hive-batch/aggregate';
import { HiveTypes, batchFromRows, createSchema, getValue } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { hashAggregate } from '@hive-batch/operators';
import type { AggregateCall } from '@hive-batch/operators';
import { resolveCall } from '../src/internal/bound-aggregate';
import { FusedGroupAggregate, createGroupAggregates } from '../src/internal/fused-aggregates';

const schema = createSchema([
  { name: 'k', type: HiveTypes.int },
  { name: 'v', type: HiveTypes.double },
  { name: 'i', type: HiveTypes.int },
  { name: 's', type: HiveTypes.string },
]);

const queryA: AggregateCall[] = [
  { function: count, star: true },
  { function: count, args: [1] },
  { function: sum, args: [1] },
  { function: avg, args: [1] },
  { function: min, args: [1] },
  { function: max, args: [1] },
];

function fusedFlags(
  calls: readonly AggregateCall[],
  mode: 'complete' | 'partial1' | 'final' = 'complete',
): boolean[] {
  const resolved = calls.map((c) => resolveCall(c, schema, mode));
  return createGroupAggregates(resolved, mode, schema).map((a) => a instanceof FusedGroupAggregate);
}

async function rowsOf(it: AsyncIterable<ColumnBatch>): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const b of it) {
    for (let r = 0; r < b.numRows; r++) out.push(b.columns.map((c) => getValue(c, r)));
  }
  return out;
}

describe('fused aggregates', () => {
  it('fuses count/sum/avg/min/max over a double column, not DISTINCT, strings or a lone call', () => {
    expect(fusedFlags(queryA)).toEqual([true, true, true, true, true, true]);
    expect(
      fusedFlags([
        { function: varSamp, args: [1] },
        { function: stddevSamp, args: [1] },
      ]),
    ).toEqual([true, true]);
    expect(fusedFlags([{ function: sum, args: [1] }])).toEqual([false]);
    expect(
      fusedFlags([
        { function: sum, args: [1] },
        { function: count, args: [1], distinct: true },
        { function: max, args: [3] },
        { function: min, args: [2] },
      ]),
    ).toEqual([true, false, false, true]);
  });

  it('gives the same rows as the per-aggregate kernels (each call run on its own)', async () => {
    const value = fc.option(
      fc.oneof(fc.double(), fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY)),
      { nil: null, freq: 4 },
    );
    const rowArb = fc.tuple(fc.integer({ min: 0, max: 4 }), value, fc.option(fc.integer(), { nil: null }));
    const calls: AggregateCall[] = [
      ...queryA,
      { function: varSamp, args: [1] },
      { function: stddevSamp, args: [1] },
      { function: varSamp, args: [2] },
      { function: min, args: [2] },
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 80 }), async (rows) => {
        const batch = batchFromRows(
          schema,
          rows.map(([k, v, i]) => [k, v, i, null]),
        );
        const options = { inputSchema: schema, groupBy: [0], highWaterMarkRows: 7 };
        const fused = await rowsOf(hashAggregate([batch], { ...options, aggregates: calls }));
        // A single call is never fused: run each call alone and zip the columns.
        const alone = await Promise.all(
          calls.map((c) => rowsOf(hashAggregate([batch], { ...options, aggregates: [c] }))),
        );
        const zipped = (alone[0] ?? []).map((row, r) => [row[0], ...alone.map((rs) => rs[r]?.[1])]);
        expect(fused.length).toBe(zipped.length);
        fused.forEach((row, r) => {
          row.forEach((v, c) => expect(Object.is(v, zipped[r]?.[c]) || v === zipped[r]?.[c]).toBe(true));
        });
      }),
      { numRuns: 60 },
    );
  });
});
