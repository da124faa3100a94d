import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { count, sum } from '@hive-batch/aggregate';
import { HiveTypes, batchFromRows, createColumnBuilder, createSchema, getValue } from '@hive-batch/core';
import type { Column, ColumnBatch } from '@hive-batch/core';
import { hashAggregate } from '@hive-batch/operators';
import type { AggregateCall } from '@hive-batch/operators';
import { tempDir } from '@hive-batch/test-utils';
import { rowsToBatches } from './helpers/batches';
import { referenceGroupBy, rowsByKey } from './helpers/reference';
import { createGroupAggregate, resolveCall } from '../src/internal/bound-aggregate';
import type { GroupAggregate } from '../src/internal/group-aggregate';
import type { OperatorMode } from '../src/internal/operator-mode';
import { TUNING } from '../src/internal/tuning';

const schema = createSchema([
  { name: 'k', type: HiveTypes.int },
  { name: 'v', type: HiveTypes.double },
]);

// Sums of these depend on the order they are added in; ±0 and NaN test DISTINCT's bit equality. With 121 more
// values, a group can hold more than 32 distinct values (the unordered dedupe's hash set, not its scan).
const valueArb = fc.oneof(
  fc.constantFrom(1e16, -1e16, 2 ** 53, 0.1, 0.2, 0.3, 3, 0, -0, Number.NaN, 5e-324),
  fc.integer({ min: -60, max: 60 }).map((x) => x / 4),
);

const rowsArb = fc.array(
  fc.tuple(
    fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 10 }),
    fc.option(valueArb, { nil: null, freq: 10 }),
  ),
  { maxLength: 400 },
);

// count ignores input order (unordered dedupe); sum(DISTINCT double) must still see Hive's key order.
const calls: readonly AggregateCall[] = [
  { function: count, args: [1], distinct: true },
  { function: sum, args: [1], distinct: true },
];

const saved = { ...TUNING };
afterEach(() => {
  Object.assign(TUNING, saved);
});

describe('HashAggregate count(DISTINCT) and sum(DISTINCT) over doubles', () => {
  it('equal the Map reference bit for bit, across many compactions and spills', async () => {
    const dir = await tempDir('hive-batch-distinct-');
    const run = fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        async (rows, batchSize, compactRows, spill) => {
          TUNING.distinctCompactRows = compactRows;
          const batches = rowsToBatches(schema, rows, batchSize);
          const out: ColumnBatch[] = [];
          for await (const b of hashAggregate(batches, {
            inputSchema: schema,
            groupBy: [0],
            aggregates: calls,
            spillDirectory: dir.path,
            ...(spill ? { memoryBudgetBytes: 1 } : {}),
          })) {
            out.push(b);
          }
          const expected = referenceGroupBy([batchFromRows(schema, rows)], {
            types: schema.fields.map((f) => f.type),
            groupBy: [0],
            calls,
          });
          const actual = rowsByKey(out, 1);
          expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
          for (const [key, want] of expected) {
            const got = actual.get(key)!;
            expect(got[1]).toBe(want[1]);
            // toBe is Object.is: bit-equal sums (-0.0 apart from 0.0, NaN equal to NaN), no tolerance.
            expect(got[2]).toBe(want[2]);
          }
        },
      ),
      { numRuns: 200 },
    );
    await expect(run).resolves.toBeUndefined();
  });
});

/** A count(DISTINCT v) fast path over `rows` (NULL keys become group 4), built for `mode`. */
function fastPathOver(
  rows: readonly (readonly [number | null, number | null])[],
  mode: OperatorMode,
): GroupAggregate {
  const agg = createGroupAggregate(resolveCall(calls[0]!, schema, mode), mode);
  agg.ensureGroups(5);
  const batch = batchFromRows(
    schema,
    rows.map(([k, v]) => [k ?? 4, v]),
  );
  agg.accumulate(
    Int32Array.from(rows, ([k]) => k ?? 4),
    batch,
    rows.length,
  );
  return agg;
}

function hexValues(column: Column): string[] {
  return Array.from({ length: column.length }, (_, i) =>
    Buffer.from(getValue(column, i) as Uint8Array).toString('hex'),
  );
}

describe('count(DISTINCT) fast path (internal)', () => {
  it('spills the same bytes as the key-ordered partials it emits in partial1 mode', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 8 }), (rows, compactRows) => {
        TUNING.distinctCompactRows = compactRows;
        // In complete mode count's values are deduplicated in any order; spills must still list them in key order.
        const spilled = fastPathOver(rows, 'complete').spillColumns(Int32Array.of(0, 1, 2, 3, 4))[0]!;
        const emitted = createColumnBuilder(HiveTypes.binary, { initialCapacity: 5 });
        fastPathOver(rows, 'partial1').emit(emitted, 0, 5);
        expect(hexValues(spilled)).toEqual(hexValues(emitted.finish()));
      }),
      { numRuns: 200 },
    );
  });
});
