import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { collectList, collectSet, count, max, percentileApprox, sum } from '@hive-batch/aggregate';
import { HiveTypes, batchFromRows, batchToRows, createSchema, sliceBatch } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { HashAggregate, hashAggregate } from '@hive-batch/operators';
import type { AggregateCall, HashAggregateOptions } from '@hive-batch/operators';
import { generateKeyValueBatch, tempDir } from '@hive-batch/test-utils';
import { keyString, referenceGroupBy } from './helpers/reference';

const kv = (rows: number, groups: number): ColumnBatch =>
  generateKeyValueBatch({ rows, groups, nullFraction: 0.1, seed: 3 });

function split(batch: ColumnBatch, size: number): ColumnBatch[] {
  const out: ColumnBatch[] = [];
  for (let s = 0; s < batch.numRows; s += size)
    out.push(sliceBatch(batch, s, Math.min(batch.numRows, s + size)));
  return out;
}

async function collect(it: AsyncIterable<ColumnBatch>): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const b of it) rows.push(...batchToRows(b));
  return rows;
}

const calls: AggregateCall[] = [
  { function: count, star: true },
  { function: sum, args: [1] },
  { function: collectSet, args: [0] },
];

describe('HashAggregate', () => {
  it('groups NULL keys together and gives groups in order of first appearance', async () => {
    const schema = createSchema([
      { name: 'k', type: HiveTypes.int },
      { name: 'v', type: HiveTypes.bigint },
    ]);
    const batch = batchFromRows(schema, [
      [2, 1n],
      [null, 5n],
      [1, 2n],
      [2, 3n],
      [null, null],
    ]);
    const rows = await collect(
      hashAggregate([batch], {
        inputSchema: schema,
        groupBy: [0],
        aggregates: [
          { function: count, star: true },
          { function: sum, args: [1] },
        ],
      }),
    );
    expect(rows).toEqual([
      [2, 2n, 4n],
      [null, 2n, 5n],
      [1, 1n, 2n],
    ]);
  });

  it('keeps group ids when int keys outgrow the direct-mapped range', async () => {
    const schema = createSchema([{ name: 'k', type: HiveTypes.int }]);
    const keys = [5, 7, 5, null, 7, 2_000_000_000, 5, -2_000_000_000, null, 7, 70_000, 6];
    const input = split(
      batchFromRows(
        schema,
        keys.map((k) => [k]),
      ),
      3,
    );
    const rows = await collect(
      hashAggregate(input, {
        inputSchema: schema,
        groupBy: [0],
        aggregates: [{ function: count, star: true }],
      }),
    );
    expect(rows).toEqual([
      [5, 3n],
      [7, 3n],
      [null, 2n],
      [2_000_000_000, 1n],
      [-2_000_000_000, 1n],
      [70_000, 1n],
      [6, 1n],
    ]);
  });

  it('clusters rows by group id when groups are many, keeping per-group row order', async () => {
    const input = split(kv(150_000, 90_000), 40_000);
    const schema = input[0]!.schema;
    const calls: AggregateCall[] = [
      { function: count, args: [1] },
      { function: sum, args: [1] },
      { function: max, args: [1] },
      { function: collectList, args: [1] },
      { function: count, args: [1], distinct: true },
    ];
    const rows = await collect(
      hashAggregate(input, {
        inputSchema: schema,
        groupBy: [0],
        aggregates: calls,
        highWaterMarkRows: 65536,
      }),
    );
    const expected = referenceGroupBy(input, {
      types: schema.fields.map((f) => f.type),
      groupBy: [0],
      calls,
    });
    expect(rows.length).toBe(expected.size);
    for (const row of rows) {
      const want = expected.get(keyString([row[0]]));
      // Same rows in the same order per group, so even the double sums and collect_list are identical.
      expect(row).toEqual(want);
    }
  });

  it('feeds sum(DISTINCT) its values in key order, count(DISTINCT) in any order (same results as Hive)', async () => {
    // Summed in row order these give 3; in key order (-1e16, 1, 3, 1e16) the first addition rounds away the 1.
    const schema = createSchema([{ name: 'v', type: HiveTypes.double }]);
    const input = [batchFromRows(schema, [[1e16], [1], [-1e16], [3], [1], [-0], [0], [null]])];
    const rows = await collect(
      hashAggregate(input, {
        inputSchema: schema,
        groupBy: [],
        aggregates: [
          { function: sum, args: [0], distinct: true },
          { function: count, args: [0], distinct: true },
        ],
      }),
    );
    const keyOrderSum = [-1e16, -0, 0, 1, 3, 1e16].reduce((a, b) => a + b, 0);
    const rowOrderSum = [1e16, 1, -1e16, 3, -0, 0].reduce((a, b) => a + b, 0);
    expect(keyOrderSum).not.toBe(rowOrderSum);
    expect(rows).toEqual([[keyOrderSum, 6n]]);
  });

  it('gives one row for a global aggregate over no input', async () => {
    const schema = createSchema([{ name: 'v', type: HiveTypes.int }]);
    const rows = await collect(
      hashAggregate([], {
        inputSchema: schema,
        groupBy: [],
        aggregates: [
          { function: count, star: true },
          { function: sum, args: [0] },
        ],
      }),
    );
    expect(rows).toEqual([[0n, null]]);
  });

  /** Runs `input` in memory and with `budgeted` options over one spill directory; rows of both runs. */
  async function spilledAndInMemory(
    input: ColumnBatch[],
    budgeted: Partial<HashAggregateOptions>,
  ): Promise<{ op: HashAggregate; spilled: unknown[][]; inMemory: unknown[][]; dir: string }> {
    const dir = await tempDir('hive-batch-spill-');
    const options = {
      inputSchema: input[0]!.schema,
      groupBy: [0],
      aggregates: calls,
      spillDirectory: dir.path,
    };
    const inMemory = await collect(hashAggregate(input, options));
    const op = new HashAggregate({ ...options, ...budgeted });
    for (const b of input) await op.add(b);
    const spilled: unknown[][] = [];
    for await (const b of op.finish()) spilled.push(...batchToRows(b));
    return { op, spilled, inMemory, dir: dir.path };
  }

  // Sums of doubles may differ in the last bits (partials are added in another order), as in Hive.
  const byKey = (rows: unknown[][]) =>
    new Map(
      rows.map((r) => [
        r[0],
        [r[1], r[2] == null ? null : Math.round((r[2] as number) * 100), [...(r[3] as number[])].sort()],
      ]),
    );

  it('spills under a small budget and still gives the in-memory result', async () => {
    const { op, spilled, inMemory, dir } = await spilledAndInMemory(split(kv(5000, 700), 257), {
      memoryBudgetBytes: 64 * 1024,
      highWaterMarkRows: 100,
    });
    expect(op.stats.spills).toBeGreaterThan(1);
    expect(op.stats.spilledBytes).toBeGreaterThan(0);
    expect(byKey(spilled)).toEqual(byKey(inMemory));
    // Few values per group: the 100-bin histograms never trim, so merged and in-memory medians agree.
    const medians = (rows: unknown[][]) => new Map(rows.map((r) => [r[0], r[4]]));
    expect(medians(spilled)).toEqual(medians(inMemory));
    expect(await readdir(dir)).toEqual([]);
  });

  it('re-partitions a spill partition whose merged state outgrows the budget', async () => {
    // One level-0 partition: everything spilled lands in it, so merging it must re-partition to fit.
    const { op, spilled, inMemory, dir } = await spilledAndInMemory(split(kv(6000, 3000), 500), {
      memoryBudgetBytes: 64 * 1024,
      spillPartitions: 1,
    });
    expect(op.stats.repartitions).toBeGreaterThan(0);
    expect(byKey(spilled)).toEqual(byKey(inMemory));
    expect(spilled.length).toBe(inMemory.length);
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes spill files when aggregation throws mid-way', async () => {
    const dir = await tempDir('hive-batch-spill-');
    const input = split(kv(4000, 1000), 500);
    async function* failing(): AsyncGenerator<ColumnBatch> {
      await Promise.resolve();
      yield* input.slice(0, 4);
      throw new Error('source failed');
    }
    const it = hashAggregate(failing(), {
      inputSchema: input[0]!.schema,
      groupBy: [0],
      aggregates: calls,
      memoryBudgetBytes: 1,
      spillDirectory: dir.path,
    });
    await expect(collect(it)).rejects.toThrow('source failed');
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('removes spill files and reports ABORTED when the signal fires', async () => {
    const dir = await tempDir('hive-batch-spill-');
    const input = split(kv(4000, 1000), 500);
    const controller = new AbortController();
    const op = new HashAggregate({
      inputSchema: input[0]!.schema,
      groupBy: [0],
      aggregates: calls,
      memoryBudgetBytes: 1,
      spillDirectory: dir.path,
      signal: controller.signal,
    });
    await op.add(input[0]!);
    await op.add(input[1]!);
    expect((await readdir(dir.path)).length).toBe(1);
    controller.abort();
    await expect(op.add(input[2]!)).rejects.toMatchObject({ code: 'ABORTED' });
    await op.close();
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('removes spill files when the consumer stops early', async () => {
    const dir = await tempDir('hive-batch-spill-');
    const input = split(kv(4000, 1000), 500);
    const it = hashAggregate(input, {
      inputSchema: input[0]!.schema,
      groupBy: [0],
      aggregates: calls,
      memoryBudgetBytes: 1,
      spillDirectory: dir.path,
      highWaterMarkRows: 10,
    });
    for await (const b of it) {
      expect(b.numRows).toBeLessThanOrEqual(10);
      break;
    }
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('switches to pass-through in partial1 mode when groups/rows exceeds the threshold', async () => {
    const input = split(kv(2000, 100_000), 100);
    const op = new HashAggregate({
      inputSchema: input[0]!.schema,
      groupBy: [0],
      aggregates: [{ function: count, star: true }],
      mode: 'partial1',
      adaptive: { sampleRows: 500, distinctValueRateThreshold: 0.5 },
    });
    let passed = 0;
    for (const b of input) for (const out of await op.add(b)) passed += out.numRows;
    for await (const out of op.finish()) passed += out.numRows;
    expect(op.stats.passThrough).toBe(true);
    // Every row after the switch is its own partial; the groups seen before it were flushed once.
    expect(passed).toBeGreaterThan(1500);
    const low = new HashAggregate({
      inputSchema: input[0]!.schema,
      groupBy: [0],
      aggregates: [{ function: count, star: true }],
      mode: 'partial1',
      adaptive: { sampleRows: 500 },
    });
    for (const b of split(kv(2000, 10), 100)) expect(await low.add(b)).toEqual([]);
    expect(low.stats.passThrough).toBe(false);
    await op.close();
    await low.close();
  });

  it('merges percentile_approx partials in final mode given the constant arguments', async () => {
    const input = split(kv(3000, 5), 400);
    const schema = input[0]!.schema;
    const half = { constant: 0.5, type: HiveTypes.double };
    const direct = await collect(
      hashAggregate(input, {
        inputSchema: schema,
        groupBy: [0],
        aggregates: [{ function: percentileApprox, args: [1, half] }],
      }),
    );
    const partials: ColumnBatch[] = [];
    for (const part of [input.slice(0, 3), input.slice(3)]) {
      for await (const b of hashAggregate(part, {
        inputSchema: schema,
        groupBy: [0],
        aggregates: [{ function: percentileApprox, args: [1, half] }],
        mode: 'partial1',
      })) {
        partials.push(b);
      }
    }
    const final = await collect(
      hashAggregate(partials, {
        inputSchema: partials[0]!.schema,
        groupBy: [0],
        aggregates: [
          {
            function: percentileApprox,
            args: [1],
            argumentTypes: [HiveTypes.double, HiveTypes.double],
            constantArguments: [undefined, 0.5],
          },
        ],
        mode: 'final',
      }),
    );
    const byKey = (rows: unknown[][]) => new Map(rows.map((r) => [r[0], r[1]]));
    // Under 10000 values per group the histogram is exact, so split and unsplit runs agree.
    expect(byKey(final)).toEqual(byKey(direct));
  });

  it('rejects complex group-by keys and bad options with stable codes', () => {
    const schema = createSchema([{ name: 'a', type: { kind: 'array', element: HiveTypes.int } }]);
    expect(() => new HashAggregate({ inputSchema: schema, groupBy: [0], aggregates: [] })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_TYPE' }),
    );
    expect(() => new HashAggregate({ inputSchema: schema, groupBy: [3], aggregates: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(
      () => new HashAggregate({ inputSchema: schema, groupBy: [], aggregates: [], spillPartitions: 3 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
