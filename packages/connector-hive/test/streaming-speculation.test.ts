import { describe, expect, it } from 'vitest';
import { batchToRows, HiveTypes, type ColumnBatch } from '@hive-batch/core';
import { SourceCoordinator, type SourceReader } from '@hive-batch/source';
import {
  createMemoryFileSystem,
  HiveSource,
  type FileSystem,
  type HiveSplit,
  type PlannedPartition,
  type TableReadInfo,
} from '@hive-batch/connector-hive';
import { sortRows } from './helpers';

const table: TableReadInfo = {
  format: 'TEXTFILE',
  columns: [{ name: 'v', type: HiveTypes.int }],
  partitionKeys: [{ name: 'p', type: HiveTypes.int }],
  properties: {},
};

async function fixture(n: number): Promise<{ fs: FileSystem; partitions: PlannedPartition[] }> {
  const fs = createMemoryFileSystem();
  const partitions: PlannedPartition[] = [];
  for (let i = 0; i < n; i++) {
    const bytes = new TextEncoder().encode(`${i}\n`);
    await fs.writeFile(`/w/t/p=${i}/f`, bytes);
    partitions.push({
      id: `p=${i}`,
      values: [String(i)],
      location: `/w/t/p=${i}`,
      totalSize: bytes.length,
      numFiles: 1,
    });
  }
  return { fs, partitions };
}

describe('HiveSource enumerator', () => {
  it('assigns the first split before listing has finished (streaming)', async () => {
    const { fs, partitions } = await fixture(30);
    let listed = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slow: FileSystem = {
      ...fs,
      list: async (d) => {
        listed++;
        // Partitions after the first few wait until the test has seen a split.
        if (listed > 3) await gate;
        return fs.list(d);
      },
    };
    const source = new HiveSource({ fileSystem: slow, table, partitions });
    const assigned: HiveSplit[] = [];
    const coordinator = new SourceCoordinator({
      source,
      parallelism: 1,
      gateway: { send: (_a, e) => void (e.kind === 'addSplits' && assigned.push(...e.splits)) },
    });
    coordinator.start();
    coordinator.registerAttempt(0, 0);
    coordinator.handleSplitRequest(0, 0);
    for (let i = 0; i < 50 && assigned.length === 0; i++) await new Promise((r) => setTimeout(r, 1));
    expect(assigned.map((s) => s.partitionId)).toEqual(['p=0']);
    expect(listed).toBeLessThan(30);
    release();
    await coordinator.settled();
    coordinator.close();
  });

  it('under speculation every row is produced by exactly one winning attempt', async () => {
    const { fs, partitions } = await fixture(12);
    const source = new HiveSource({ fileSystem: fs, table, partitions, planner: { packSmallFiles: false } });
    const readers = new Map<string, SourceReader<ColumnBatch, HiveSplit>>();
    const coordinator = new SourceCoordinator({
      source,
      parallelism: 2,
      gateway: {
        send: ({ subtask, attempt }, event) => {
          const r = readers.get(`${subtask}/${attempt}`);
          if (event.kind === 'addSplits') r?.addSplits(event.splits);
          if (event.kind === 'noMoreSplits') r?.notifyNoMoreSplits();
        },
      },
    });
    coordinator.start();
    const attempts = [
      [0, 0],
      [1, 0],
      [0, 1],
    ] as const;
    for (const [subtask, attempt] of attempts) {
      const reader = source.createReader({
        subtaskId: subtask,
        attemptNumber: attempt,
        location: undefined,
        sendSplitRequest: () => void coordinator.handleSplitRequest(subtask, attempt),
        sendSourceEvent: () => {},
      });
      readers.set(`${subtask}/${attempt}`, reader);
      coordinator.registerAttempt(subtask, attempt);
      reader.start();
    }
    const output = new Map<number, unknown[][]>();
    const drain = async (subtask: number, attempt: number): Promise<void> => {
      const reader = readers.get(`${subtask}/${attempt}`);
      const rows: unknown[][] = [];
      for (;;) {
        const status = reader?.pollNext({ collect: (b) => rows.push(...batchToRows(b)) });
        if (status === 'END_OF_INPUT' || status == null) break;
        if (status === 'NOTHING_AVAILABLE') await reader?.isAvailable();
      }
      const outcome = coordinator.attemptFinished(subtask, attempt);
      if (outcome.kind === 'winner') output.set(subtask, rows);
    };
    await Promise.all(attempts.map(([s, a]) => drain(s, a)));
    await coordinator.settled();
    coordinator.close();
    const all = [...output.values()].flat();
    expect(sortRows(all)).toEqual(sortRows(partitions.map((_, i) => [i, i])));
  });

  it('fails the coordinator with the planning error when listing fails', async () => {
    const { fs, partitions } = await fixture(2);
    const broken: FileSystem = { ...fs, list: () => Promise.reject(new Error('disk gone')) };
    const source = new HiveSource({ fileSystem: broken, table, partitions });
    const coordinator = new SourceCoordinator({ source, parallelism: 1, gateway: { send: () => {} } });
    coordinator.start();
    coordinator.registerAttempt(0, 0);
    coordinator.handleSplitRequest(0, 0);
    await expect(coordinator.settled()).rejects.toMatchObject({
      code: 'EXECUTION_ERROR',
      cause: { code: 'SPLIT_PLANNING_FAILED' },
    });
    coordinator.close();
  });

  it('surfaces a malformed file from pollNext as MALFORMED_DATA', async () => {
    const fs = createMemoryFileSystem();
    await fs.writeFile('/w/t/p=0/f.gz', new TextEncoder().encode('not gzip'));
    const source = new HiveSource({
      fileSystem: fs,
      table,
      partitions: [{ id: 'p=0', values: ['0'], location: '/w/t/p=0' }],
    });
    const reader = source.createReader({
      subtaskId: 0,
      attemptNumber: 0,
      location: undefined,
      sendSplitRequest: () => {},
      sendSourceEvent: () => {},
    });
    const [split] = await source.planSplits();
    reader.addSplits(split == null ? [] : [split]);
    await reader.isAvailable();
    expect(() => reader.pollNext({ collect: () => {} })).toThrow(
      expect.objectContaining({ code: 'MALFORMED_DATA' }) as Error,
    );
    await reader.close();
  });
});
