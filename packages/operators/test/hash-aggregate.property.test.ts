import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avg, count, max, min, sum, varSamp } from '@hive-batch/aggregate';
import { HiveDecimal, HiveTypes, createSchema, decimalType } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { decodeColumnBatch, encodeColumnBatch, hashAggregate, sortAggregate } from '@hive-batch/operators';
import type { AggregateCall, HashAggregateOptions } from '@hive-batch/operators';
import { tempDir } from '@hive-batch/test-utils';
import { rowsToBatches } from './helpers/batches';
import { keyString, referenceGroupBy, resultEquals, rowsByKey } from './helpers/reference';
import { TUNING } from '../src/internal/tuning';

const schema = createSchema([
  { name: 'k', type: HiveTypes.int },
  { name: 's', type: HiveTypes.string },
  { name: 'v', type: HiveTypes.double },
  { name: 'i', type: HiveTypes.int },
  { name: 'b', type: HiveTypes.bigint },
  { name: 'd', type: decimalType(20, 2) },
  { name: 'bo', type: HiveTypes.boolean },
  { name: 'f', type: HiveTypes.float },
]);

const doubleArb = fc.oneof(
  fc.constantFrom(0, -0, 1.5, -2.25, 1e300, Number.NaN, Number.POSITIVE_INFINITY),
  fc.integer({ min: -50, max: 50 }).map((x) => x / 4),
);

const rowArb = fc.tuple(
  fc.option(fc.integer({ min: -3, max: 6 }), { nil: null, freq: 8 }),
  fc.option(fc.constantFrom('a', 'b', 'é', ''), { nil: null, freq: 6 }),
  fc.option(doubleArb, { nil: null, freq: 5 }),
  fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null, freq: 5 }),
  fc.option(fc.bigInt({ min: -5n, max: 5n }), { nil: null, freq: 5 }),
  fc.option(
    fc.constantFrom('0', '-1.5', '12345678901234567.25', '2.50').map((x) => new HiveDecimal(x)),
    { nil: null, freq: 5 },
  ),
  fc.option(fc.boolean(), { nil: null, freq: 5 }),
  fc.option(fc.constantFrom(0, -0, 0.5, Number.NaN, -3), { nil: null, freq: 5 }),
);

const calls: readonly AggregateCall[] = [
  { function: count, star: true },
  { function: count, args: [2] },
  { function: sum, args: [2] },
  { function: sum, args: [3] },
  { function: avg, args: [3] },
  { function: min, args: [2] },
  { function: max, args: [1] },
  { function: varSamp, args: [3] },
  { function: count, args: [2], distinct: true },
  { function: sum, args: [2], distinct: true },
  { function: sum, args: [4], distinct: true },
  { function: count, args: [3, 1], distinct: true },
  { function: sum, args: [5] },
  { function: max, args: [7] },
  { function: count, args: [7], distinct: true },
];

function toBatches(rows: readonly unknown[][], batchSize: number): ColumnBatch[] {
  return rowsToBatches(schema, rows, batchSize);
}

async function collect(it: AsyncIterable<ColumnBatch>): Promise<ColumnBatch[]> {
  const out: ColumnBatch[] = [];
  for await (const b of it) out.push(b);
  return out;
}

interface Scenario {
  readonly rows: unknown[][];
  readonly batchSize: number;
  readonly groupBy: readonly number[];
  readonly spill: boolean;
  readonly twoPhase: boolean;
  readonly passThrough: boolean;
  readonly hwm: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.array(rowArb, { maxLength: 60 }).chain((rows) =>
  fc.record({
    rows: fc.constant(rows.map((r) => [...r])),
    batchSize: fc.integer({ min: 1, max: Math.max(1, rows.length) }),
    groupBy: fc.constantFrom([0], [1], [0, 1], [], [4], [2]),
    spill: fc.boolean(),
    twoPhase: fc.boolean(),
    passThrough: fc.boolean(),
    hwm: fc.integer({ min: 1, max: 8 }),
  }),
);

async function runScenario(sc: Scenario, spillDirectory: string): Promise<ColumnBatch[]> {
  const batches = toBatches(sc.rows, sc.batchSize);
  const common = {
    groupBy: sc.groupBy,
    highWaterMarkRows: sc.hwm,
    spillDirectory,
    ...(sc.spill ? { memoryBudgetBytes: 1 } : {}),
  };
  if (!sc.twoPhase) {
    return collect(hashAggregate(batches, { ...common, inputSchema: schema, aggregates: calls }));
  }
  const partialOptions: HashAggregateOptions = {
    ...common,
    inputSchema: schema,
    aggregates: calls,
    mode: 'partial1',
    adaptive: sc.passThrough
      ? { enabled: true, sampleRows: 1, distinctValueRateThreshold: 0 }
      : { enabled: false },
  };
  // Partials cross a (simulated) process boundary as bytes.
  const partials = (await collect(hashAggregate(batches, partialOptions))).map((b) =>
    decodeColumnBatch(encodeColumnBatch(b)),
  );
  const keyCount = sc.groupBy.length;
  const inputSchema =
    partials[0]?.schema ??
    createSchema([
      ...sc.groupBy.map((k) => schema.fields[k]!),
      ...calls.map((_, i) => ({ name: `_c${keyCount + i}`, type: HiveTypes.binary })),
    ]);
  const finalCalls: AggregateCall[] = calls.map((c, i) => ({
    ...c,
    args: [keyCount + i],
    argumentTypes: (c.args ?? []).map((a) => (typeof a === 'number' ? schema.fields[a]!.type : a.type)),
  }));
  return collect(
    hashAggregate(partials, {
      ...common,
      inputSchema,
      groupBy: sc.groupBy.map((_, k) => k),
      aggregates: finalCalls,
      mode: 'final',
    }),
  );
}

function expectMatchesReference(sc: Scenario, out: readonly ColumnBatch[]): void {
  for (const b of out) expect(b.numRows).toBeLessThanOrEqual(sc.hwm);
  const expected = referenceGroupBy(toBatches(sc.rows, Math.max(1, sc.rows.length)), {
    types: schema.fields.map((f) => f.type),
    groupBy: sc.groupBy,
    calls,
  });
  const actual = rowsByKey(out, sc.groupBy.length);
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [k, row] of expected) {
    const got = actual.get(k) ?? [];
    row.forEach((v, c) => {
      if (!resultEquals(got[c], v)) {
        throw new Error(`group ${k} column ${c}: got ${String(got[c])}, expected ${String(v)}`);
      }
    });
  }
}

describe('SortAggregate equals the reference on clustered input', () => {
  it('for any batch size and key distribution', async () => {
    const run = fc.assert(
      fc.asyncProperty(scenarioArb, async (sc) => {
        const keyOf = (r: unknown[]): string => keyString(sc.groupBy.map((k) => r[k] ?? null));
        // Cluster equal keys, keeping the input order within a key.
        const sorted = [...sc.rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
        const scenario = { ...sc, rows: sorted };
        const out: ColumnBatch[] = [];
        for await (const b of sortAggregate(toBatches(sorted, sc.batchSize), {
          inputSchema: schema,
          groupBy: sc.groupBy,
          aggregates: calls,
          highWaterMarkRows: sc.hwm,
        })) {
          out.push(b);
        }
        expectMatchesReference(scenario, out);
      }),
      { numRuns: 100 },
    );
    await expect(run).resolves.toBeUndefined();
  });
});

describe('HashAggregate equals a Map-based reference group-by', () => {
  it('for any batch size, key distribution, spilling, two-phase and adaptive pass-through', async () => {
    const dir = await tempDir('hive-batch-ops-');
    const run = fc.assert(
      fc.asyncProperty(scenarioArb, async (sc) => {
        expectMatchesReference(sc, await runScenario(sc, dir.path));
      }),
      { numRuns: 150 },
    );
    await expect(run).resolves.toBeUndefined();
  });

  it('also on the many-groups path (rows held back, clustered by group window), forced on tiny inputs', async () => {
    const dir = await tempDir('hive-batch-ops-');
    const saved = { ...TUNING };
    try {
      const run = fc.assert(
        fc.asyncProperty(
          scenarioArb,
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 1, max: 20 }),
          async (sc, minGroups, deferRows) => {
            TUNING.clusterMinGroups = minGroups;
            TUNING.deferRows = deferRows;
            expectMatchesReference(sc, await runScenario(sc, dir.path));
          },
        ),
        { numRuns: 150 },
      );
      await expect(run).resolves.toBeUndefined();
    } finally {
      Object.assign(TUNING, saved);
    }
  });
});
