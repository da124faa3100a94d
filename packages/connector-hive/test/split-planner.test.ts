import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveBatchError } from '@hive-batch/core';
import {
  computeMaxSplitBytes,
  createMemoryFileSystem,
  planSplits,
  type FileSystem,
  type HiveSplit,
  type PlannedPartition,
  type SplitPlannerOptions,
} from '@hive-batch/connector-hive';

interface FileSpec {
  readonly name: string;
  readonly size: number;
}

const fileArb = fc.record({
  name: fc.constantFrom('a', 'b', 'c', 'd', '_tmp', '.crc', 'e.gz', 'sub/f', 'sub/.g', 'h.txt'),
  size: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })),
});
const partitionsArb = fc.array(fc.uniqueArray(fileArb, { selector: (f) => f.name, maxLength: 6 }), {
  minLength: 1,
  maxLength: 6,
});
const optionsArb = fc.record({
  maxSplitBytes: fc.integer({ min: 1, max: 6000 }),
  openCostBytes: fc.integer({ min: 0, max: 600 }),
  minSplits: fc.integer({ min: 1, max: 12 }),
  listingConcurrency: fc.integer({ min: 1, max: 4 }),
  packSmallFiles: fc.boolean(),
});

async function setup(
  parts: readonly (readonly FileSpec[])[],
  withStats: boolean,
): Promise<{ fs: FileSystem; partitions: PlannedPartition[] }> {
  const fs = createMemoryFileSystem();
  const partitions: PlannedPartition[] = [];
  for (let i = 0; i < parts.length; i++) {
    const location = `/w/t/p=${i}`;
    let total = 0;
    let count = 0;
    for (const f of parts[i] ?? []) {
      await fs.writeFile(`${location}/${f.name}`, new Uint8Array(f.size));
      const hidden = f.name.split('/').some((c) => c.startsWith('_') || c.startsWith('.'));
      if (!hidden) {
        total += f.size;
        count++;
      }
    }
    // Partition 0 sometimes has no directory at all (metastore/filesystem drift).
    if ((parts[i] ?? []).length === 0) await fs.delete(location);
    partitions.push({
      id: `p=${i}`,
      values: [String(i)],
      location,
      ...(withStats ? { totalSize: total, numFiles: count } : {}),
    });
  }
  return { fs, partitions };
}

async function collect(gen: AsyncIterable<HiveSplit[]>): Promise<HiveSplit[]> {
  const out: HiveSplit[] = [];
  for await (const b of gen) out.push(...b);
  return out;
}

describe('planSplits', () => {
  it('covers every byte of every selected file exactly once, respects limits, never plans pruned partitions, is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(
        partitionsArb,
        optionsArb,
        fc.boolean(),
        fc.func(fc.boolean()),
        async (parts, options, withStats, keepFn) => {
          const { fs, partitions } = await setup(parts, withStats);
          const keep = (p: PlannedPartition): boolean => keepFn(p.id);
          const splits = await collect(
            planSplits({ fileSystem: fs, format: 'TEXTFILE', partitions, keep, options }),
          );
          // Expected files: visible files of kept partitions.
          const expected = new Map<string, number>();
          parts.forEach((files, i) => {
            if (!keepFn(`p=${i}`)) return;
            for (const f of files) {
              if (f.name.split('/').some((c) => c.startsWith('_') || c.startsWith('.'))) continue;
              expected.set(`/w/t/p=${i}/${f.name}`, f.size);
            }
          });
          const covered = new Map<string, [number, number][]>();
          for (const s of splits) {
            expect(keepFn(s.partitionId)).toBe(true);
            for (const r of s.ranges) {
              expect(r.path.startsWith(`/w/t/${s.partitionId}/`)).toBe(true);
              const list = covered.get(r.path) ?? [];
              list.push([r.start, r.length]);
              covered.set(r.path, list);
            }
          }
          expect([...covered.keys()].sort()).toEqual([...expected.keys()].sort());
          for (const [file, ranges] of covered) {
            ranges.sort((a, b) => a[0] - b[0]);
            let pos = 0;
            for (const [start, length] of ranges) {
              expect(start).toBe(pos);
              pos += length;
            }
            expect(pos).toBe(expected.get(file));
            expect(expected.get(file) !== 0 || ranges.length === 1).toBe(true);
          }
          // Size limits.
          const open = options.openCostBytes;
          let total = 0;
          for (const size of expected.values()) total += size + open;
          // With statistics, sizing uses the catalog's numbers for every selected partition (pruned ones included).
          const max = withStats
            ? computeMaxSplitBytes(
                partitions.reduce((a, p) => a + (p.totalSize ?? 0) + (p.numFiles ?? 0) * open, 0),
                options,
              )
            : computeMaxSplitBytes(total, options);
          const violations: string[] = [];
          for (const s of splits) {
            const weight = s.ranges.reduce((a, r) => a + r.length + open, 0);
            if (s.ranges.length > 1 && (!options.packSmallFiles || weight > max))
              violations.push(`pack ${s.splitId}`);
            for (const r of s.ranges) {
              const ok = r.path.endsWith('.gz') ? r.length === r.fileLength : r.length <= max;
              if (!ok) violations.push(`range ${s.splitId}`);
            }
          }
          expect(violations).toEqual([]);
          expect(new Set(splits.map((s) => s.splitId)).size).toBe(splits.length);
          const again = await collect(
            planSplits({ fileSystem: fs, format: 'TEXTFILE', partitions, keep, options }),
          );
          expect(again).toEqual(splits);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sizes splits as min(max, max(openCost, total / minSplits)) like Flink (scenario S10)', async () => {
    const fs = createMemoryFileSystem();
    await fs.writeFile('/w/t/f', new Uint8Array(100));
    const partitions = [{ id: '', values: [], location: '/w/t' }];
    const count = async (options: SplitPlannerOptions): Promise<number> =>
      (await collect(planSplits({ fileSystem: fs, format: 'PARQUET', partitions, options }))).length;
    expect(await count({})).toBe(1);
    expect(await count({ maxSplitBytes: 60 })).toBe(2);
    expect(await count({ openCostBytes: 1, minSplits: 2 })).toBe(2);
  });

  it('never splits a gzip file (S16) and packs small files into one split', async () => {
    const fs = createMemoryFileSystem();
    await fs.writeFile('/w/t/big.gz', new Uint8Array(1000));
    for (let i = 0; i < 5; i++) await fs.writeFile(`/w/t/small${i}`, new Uint8Array(10));
    const splits = await collect(
      planSplits({
        fileSystem: fs,
        format: 'TEXTFILE',
        partitions: [{ id: '', values: [], location: '/w/t' }],
        options: { maxSplitBytes: 100, openCostBytes: 5 },
      }),
    );
    expect(splits.filter((s) => s.ranges.some((r) => r.path.endsWith('.gz')))).toHaveLength(1);
    expect(splits.find((s) => s.ranges.length === 5)).toBeDefined();
  });

  it('streams: the first partition comes out before the last is listed when statistics are present', async () => {
    const fs = createMemoryFileSystem();
    const partitions: PlannedPartition[] = [];
    for (let i = 0; i < 20; i++) {
      await fs.writeFile(`/w/t/p=${i}/f`, new Uint8Array(10));
      partitions.push({
        id: `p=${i}`,
        values: [String(i)],
        location: `/w/t/p=${i}`,
        totalSize: 10,
        numFiles: 1,
      });
    }
    const listed: string[] = [];
    const slow: FileSystem = {
      ...fs,
      list: async (d) => {
        listed.push(d);
        await new Promise((r) => setTimeout(r, 2));
        return fs.list(d);
      },
    };
    const it = planSplits({
      fileSystem: slow,
      format: 'TEXTFILE',
      partitions,
      options: { listingConcurrency: 2 },
    });
    const first = await it.next();
    expect(first.done).toBe(false);
    expect(listed.length).toBeLessThan(20);
    await it.return(undefined);
  });

  it('reports a failing listing as SPLIT_PLANNING_FAILED and rejects bad options', async () => {
    const fs = createMemoryFileSystem();
    const broken: FileSystem = { ...fs, list: () => Promise.reject(new Error('boom')) };
    const partitions = [{ id: '', values: [], location: '/w/t' }];
    await expect(
      collect(planSplits({ fileSystem: broken, format: 'TEXTFILE', partitions })),
    ).rejects.toMatchObject({
      code: 'SPLIT_PLANNING_FAILED',
    });
    await expect(
      collect(planSplits({ fileSystem: fs, format: 'TEXTFILE', partitions, options: { maxSplitBytes: 0 } })),
    ).rejects.toBeInstanceOf(HiveBatchError);
  });
});
