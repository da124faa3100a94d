import { describe, expect, it } from 'vitest';
import { HiveTypes, type Field } from '@hive-batch/core';
import { SourceCoordinator } from '@hive-batch/source';
import {
  bindPartitionPredicate,
  createMemoryFileSystem,
  escapePartitionPath,
  HiveSource,
  inferSourceParallelism,
  isHiddenFile,
  makePartitionPath,
  parsePartitionPath,
  type HiveSplit,
  type PartitionPredicate,
  type PlannedPartition,
  type TableReadInfo,
} from '@hive-batch/connector-hive';
import { runSource, sortRows } from './helpers';

describe('Hive paths', () => {
  it('escapes, unescapes and names the default partition like Hive', () => {
    expect(escapePartitionPath('a/b:c=d%')).toBe('a%2Fb%3Ac%3Dd%25');
    expect(makePartitionPath(['DS', 'hr'], ['2024/01', null])).toBe(
      'ds=2024%2F01/hr=__HIVE_DEFAULT_PARTITION__',
    );
    expect(parsePartitionPath(['ds', 'hr'], 'ds=2024%2F01/hr=__HIVE_DEFAULT_PARTITION__')).toEqual([
      '2024/01',
      null,
    ]);
    expect(parsePartitionPath(['k'], 'k=%zz')).toEqual(['%zz']);
    expect(() => parsePartitionPath(['a'], 'b=1')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
    );
    expect(isHiddenFile('/x/_SUCCESS')).toBe(true);
    expect(isHiddenFile('/x/.part.crc')).toBe(true);
    expect(isHiddenFile('/x/part-0')).toBe(false);
  });
});

describe('partition predicates', () => {
  const keys: Field[] = [
    { name: 'ds', type: HiveTypes.string },
    { name: 'hr', type: HiveTypes.int },
    { name: 'd', type: HiveTypes.date },
  ];
  const ev = (p: PartitionPredicate, values: (string | null)[]): boolean | null =>
    bindPartitionPredicate(p, keys).evaluate(values);

  it('applies Hive comparison coercion', () => {
    // string key vs number literal compares as double: '05' = 5
    expect(ev({ op: '=', column: 'ds', value: 5 }, ['05', '1', '2024-01-01'])).toBe(true);
    expect(ev({ op: '=', column: 'ds', value: '5' }, ['05', '1', '2024-01-01'])).toBe(false);
    // int key: '007' is 7
    expect(ev({ op: '>=', column: 'hr', value: 7 }, ['x', '007', '2024-01-01'])).toBe(true);
    expect(ev({ op: '<', column: 'hr', value: '10' }, ['x', '9', '2024-01-01'])).toBe(true);
    // date key vs string literal compares as date
    expect(ev({ op: '>', column: 'd', value: '2024-01-09' }, ['x', '1', '2024-01-10'])).toBe(true);
    // unparsable int partition value is NULL: unknown, so not kept
    expect(ev({ op: '=', column: 'hr', value: 1 }, ['x', 'abc', '2024-01-01'])).toBeNull();
  });

  it('uses three-valued logic for AND/OR/NOT/IN/IS NULL', () => {
    const v = ['a', null, '2024-01-01'];
    expect(ev({ op: 'isNull', column: 'hr' }, v)).toBe(true);
    expect(ev({ op: 'isNotNull', column: 'ds' }, v)).toBe(true);
    expect(ev({ op: '=', column: 'hr', value: 1 }, v)).toBeNull();
    expect(ev({ op: 'not', arg: { op: '=', column: 'hr', value: 1 } }, v)).toBeNull();
    expect(
      ev(
        {
          op: 'or',
          args: [
            { op: '=', column: 'hr', value: 1 },
            { op: '=', column: 'ds', value: 'a' },
          ],
        },
        v,
      ),
    ).toBe(true);
    expect(
      ev(
        {
          op: 'and',
          args: [
            { op: '=', column: 'hr', value: 1 },
            { op: '=', column: 'ds', value: 'b' },
          ],
        },
        v,
      ),
    ).toBe(false);
    expect(ev({ op: 'in', column: 'ds', values: ['x', 'a'] }, v)).toBe(true);
    expect(ev({ op: 'in', column: 'ds', values: ['x', null] }, v)).toBeNull();
    expect(ev({ op: '<>', column: 'ds', value: 'a' }, v)).toBe(false);
    expect(() => bindPartitionPredicate({ op: 'isNull', column: 'nope' }, keys)).toThrow(
      expect.objectContaining({ code: 'COLUMN_NOT_FOUND' }) as Error,
    );
  });
});

const enc = new TextEncoder();
const table: TableReadInfo = {
  format: 'TEXTFILE',
  columns: [{ name: 'v', type: HiveTypes.int }],
  partitionKeys: [{ name: 'p', type: HiveTypes.int }],
  properties: {},
};

async function fixture(
  n: number,
  filesPer = 1,
): Promise<{ fs: ReturnType<typeof createMemoryFileSystem>; partitions: PlannedPartition[] }> {
  const fs = createMemoryFileSystem();
  const partitions: PlannedPartition[] = [];
  for (let i = 0; i < n; i++) {
    const location = `/w/t/p=${i}`;
    for (let f = 0; f < filesPer; f++) await fs.writeFile(`${location}/f${f}`, enc.encode(`${i * 10 + f}\n`));
    await fs.writeFile(`${location}/_SUCCESS`, new Uint8Array(0));
    partitions.push({ id: `p=${i}`, values: [String(i)], location });
  }
  return { fs, partitions };
}

describe('HiveSource', () => {
  it('reads partitions with static pruning and projection', async () => {
    const { fs, partitions } = await fixture(5);
    const source = new HiveSource({
      fileSystem: fs,
      table,
      partitions,
      partitionPredicate: { op: 'in', column: 'p', values: [1, '3'] },
      projection: ['p', 'v'],
    });
    expect(source.selectedPartitions.map((p) => p.id)).toEqual(['p=1', 'p=3']);
    expect(await runSource(source, 2)).toEqual(
      expect.arrayContaining([
        [1, 10],
        [3, 30],
      ]),
    );
    expect(sortRows(await runSource(new HiveSource({ fileSystem: fs, table, partitions }), 3))).toEqual(
      sortRows([0, 1, 2, 3, 4].map((i) => [i * 10, i])),
    );
  });

  it('infers parallelism from the cached plan (scenario S12)', async () => {
    const { fs, partitions } = await fixture(3);
    const source = new HiveSource({ fileSystem: fs, table, partitions, planner: { packSmallFiles: false } });
    expect(await source.inferParallelism({ max: 10 })).toBe(3);
    expect(await source.inferParallelism({ max: 2 })).toBe(2);
    expect(await source.inferParallelism({ max: 10, limit: 1 })).toBe(1);
    expect(await source.inferParallelism({ max: 1 })).toBe(1);
    source.applyDynamicFilter({ keys: ['p'], values: [[1], [2]] });
    expect(await source.inferParallelism({ max: 10 })).toBe(2);
    expect(inferSourceParallelism(0)).toBe(1);
    expect(() => inferSourceParallelism(3, { max: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
    );
  });

  it('dynamic partition pruning before start: pruned partitions are never listed nor assigned', async () => {
    const { fs, partitions } = await fixture(6);
    const listed: string[] = [];
    const spy = { ...fs, list: (d: string) => (listed.push(d), fs.list(d)) };
    const source = new HiveSource({ fileSystem: spy, table, partitions });
    source.applyDynamicFilter({ keys: ['p'], values: [['04'], [1]] });
    expect(sortRows(await runSource(source, 2))).toEqual(
      sortRows([
        [10, 1],
        [40, 4],
      ]),
    );
    expect(listed.filter((d) => d.includes('p=')).sort()).toEqual(['/w/t/p=1', '/w/t/p=4']);
  });

  it('dynamic partition pruning after splits were assigned never assigns a pruned split and drops pruned splits added back (S14)', async () => {
    const { fs, partitions } = await fixture(4);
    const source = new HiveSource({ fileSystem: fs, table, partitions, planner: { packSmallFiles: false } });
    const assigned: HiveSplit[] = [];
    let noMore = false;
    const coordinator = new SourceCoordinator({
      source,
      parallelism: 1,
      gateway: {
        send: (_a, event) => {
          if (event.kind === 'addSplits') assigned.push(...event.splits);
          if (event.kind === 'noMoreSplits') noMore = true;
        },
      },
    });
    coordinator.start();
    coordinator.registerAttempt(0, 0);
    coordinator.handleSplitRequest(0, 0);
    await coordinator.settled();
    expect(assigned.map((s) => s.partitionId)).toEqual(['p=0']);
    // The build side only has p = 0 and p = 3: p=1, p=2 are pruned from now on.
    coordinator.handleSourceEvent(0, 0, { kind: 'dynamicFilter', keys: ['p'], values: [[0], [3]] });
    for (let i = 0; i < 3 && !noMore; i++) {
      coordinator.handleSplitRequest(0, 0);
      await coordinator.settled();
    }
    expect(assigned.map((s) => s.partitionId)).toEqual(['p=0', 'p=3']);
    expect(noMore).toBe(true);
    coordinator.close();
  });

  it('rejects dynamic filters on unpartitioned tables', () => {
    const source = new HiveSource({
      fileSystem: createMemoryFileSystem(),
      table: { ...table, partitionKeys: [] },
      partitions: [],
    });
    expect(() => source.applyDynamicFilter({ keys: [], values: [] })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }) as Error,
    );
  });

  it('reads every row exactly once with more readers than splits', async () => {
    const { fs, partitions } = await fixture(8, 2);
    const source = new HiveSource({ fileSystem: fs, table, partitions, planner: { packSmallFiles: false } });
    const rows = await runSource(source, 3);
    expect(sortRows(rows)).toEqual(
      sortRows(
        partitions.flatMap((_, i) => [
          [i * 10, i],
          [i * 10 + 1, i],
        ]),
      ),
    );
    expect(await runSource(new HiveSource({ fileSystem: fs, table, partitions }), 20)).toHaveLength(16);
  });
});
