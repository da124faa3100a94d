// Planning benchmark: a synthetic FileSystem with 100,000 partitions × 10 files (no disk), planned the way
// HiveSource does (streaming, statistics from the "catalog"). Prints planning time, time to first split and
// peak RSS as JSON. Run with `npm run bench:planning -w @hive-batch/connector-hive`.
import {
  planSplits,
  type FileStatus,
  type FileSystem,
  type HiveSplit,
  type PlannedPartition,
} from '@hive-batch/connector-hive';

const PARTITIONS = Number(process.env['BENCH_PARTITIONS'] ?? 100_000);
const FILES = Number(process.env['BENCH_FILES'] ?? 10);
const MIB = 1024 * 1024;

// File i of partition p: sizes from 1 KiB to ~50 MiB, deterministic.
const sizeOf = (p: number, i: number): number => 1024 + ((p * 7919 + i * 104729) % (50 * MIB));

function syntheticFileSystem(): FileSystem {
  const fail = (): Promise<never> => Promise.reject(new Error('read-only synthetic file system'));
  return {
    list(dir) {
      const m = /\/p=(\d+)$/.exec(dir);
      if (m == null) return Promise.resolve(undefined);
      const p = Number(m[1]);
      const out: FileStatus[] = [];
      for (let i = 0; i < FILES; i++)
        out.push({
          path: `${dir}/part-${String(i).padStart(5, '0')}`,
          length: sizeOf(p, i),
          isDirectory: false,
        });
      out.push({ path: `${dir}/_SUCCESS`, length: 0, isDirectory: false });
      return Promise.resolve(out);
    },
    stat: () => Promise.resolve(undefined),
    read: fail,
    writeFile: fail,
    rename: fail,
    delete: fail,
    mkdirs: fail,
  };
}

const partitions: PlannedPartition[] = [];
for (let p = 0; p < PARTITIONS; p++) {
  let total = 0;
  for (let i = 0; i < FILES; i++) total += sizeOf(p, i);
  partitions.push({
    id: `p=${p}`,
    values: [String(p)],
    location: `/warehouse/db.db/t/p=${p}`,
    totalSize: total,
    numFiles: FILES,
  });
}

const t0 = performance.now();
let firstSplitMs = -1;
let listedAtFirst = 0;
let listed = 0;
const fs = syntheticFileSystem();
const counting: FileSystem = { ...fs, list: (d) => (listed++, fs.list(d)) };
const splits: HiveSplit[] = [];
let ranges = 0;
for await (const batch of planSplits({
  fileSystem: counting,
  format: 'PARQUET',
  partitions,
  options: { minSplits: 1000 },
})) {
  if (firstSplitMs < 0 && batch.length > 0) {
    firstSplitMs = performance.now() - t0;
    listedAtFirst = listed;
  }
  for (const s of batch) {
    splits.push(s);
    ranges += s.ranges.length;
  }
}
const totalMs = performance.now() - t0;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify(
    {
      partitions: PARTITIONS,
      files: PARTITIONS * FILES,
      splits: splits.length,
      ranges,
      planningMs: Math.round(totalMs),
      timeToFirstSplitMs: Math.round(firstSplitMs * 10) / 10,
      partitionsListedAtFirstSplit: listedAtFirst,
      peakRssMb: Math.round(peakRssMb),
    },
    null,
    2,
  ),
);
