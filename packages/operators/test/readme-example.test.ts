import { describe, expect, it } from 'vitest';
import { count, sum } from '@hive-batch/aggregate';
import { HiveTypes, batchFromRows, batchToRows, createSchema } from '@hive-batch/core';
import { hashAggregate } from '@hive-batch/operators';

describe('README usage', () => {
  it('gives the documented rows', async () => {
    const schema = createSchema([
      { name: 'k', type: HiveTypes.int },
      { name: 'v', type: HiveTypes.bigint },
    ]);
    const input = [
      batchFromRows(schema, [
        [2, 1n],
        [null, 5n],
        [1, 2n],
        [2, 3n],
      ]),
    ];
    const rows: unknown[][] = [];
    for await (const out of hashAggregate(input, {
      inputSchema: schema,
      groupBy: [0],
      aggregates: [
        { function: count, star: true },
        { function: sum, args: [1] },
        { function: count, args: [1], distinct: true },
      ],
    })) {
      rows.push(...batchToRows(out));
    }
    expect(rows).toEqual([
      [2, 2n, 4n, 2n],
      [null, 1n, 5n, 1n],
      [1, 1n, 2n, 1n],
    ]);
  });
});
