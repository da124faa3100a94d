import { HiveBatchError } from '@hive-batch/core';
import type { FileStatus, FileSystem } from '../fs/file-system';
import { isHiddenFile } from '../layout/hive-paths';
import type { FileRange, HiveFileFormat, HiveSplit, PlannedPartition } from './hive-split';

/** Options of {@link planSplits}. */
export interface SplitPlannerOptions {
  /** Upper bound of a split. Bytes. Defaults to `128 MiB` (`table.exec.hive.split-max-size`). */
  readonly maxSplitBytes?: number;
  /** Cost of opening a file, added to each file's weight when packing. Bytes. Defaults to `4 MiB`. */
  readonly openCostBytes?: number;
  /** Desired minimum number of splits (usually the parallelism). Splits. Defaults to `1`. */
  readonly minSplits?: number;
  /** Partitions listed at the same time. Defaults to `3` (`load-partition-splits.thread-num`). */
  readonly listingConcurrency?: number;
  /** Pack several small files of a partition into one split. Defaults to `true`. */
  readonly packSmallFiles?: boolean;
}

/** Input of {@link planSplits}. */
export interface PlanSplitsInput {
  readonly fileSystem: FileSystem;
  readonly format: HiveFileFormat;
  /** Partitions in the order splits should come out. */
  readonly partitions: readonly PlannedPartition[];
  /** Called before a partition is listed; `false` skips it (dynamic partition pruning). Defaults to keep all. */
  readonly keep?: (partition: PlannedPartition) => boolean;
  readonly options?: SplitPlannerOptions;
}

const MIB = 1024 * 1024;
const UNSPLITTABLE = /\.(gz|gzip|deflate|bz2|xz|zst|snappy|lz4|zip)$/i;

/** `true` when a file can be cut into byte ranges (uncompressed text, Parquet). */
export function isSplittable(path: string): boolean {
  return !UNSPLITTABLE.test(path);
}

/** The resolved sizing: `min(maxSplitBytes, max(openCost, totalBytesWithOpenCost / minSplits))`. */
export function computeMaxSplitBytes(
  totalBytesWithOpenCost: number,
  options: SplitPlannerOptions = {},
): number {
  const max = options.maxSplitBytes ?? 128 * MIB;
  const open = options.openCostBytes ?? 4 * MIB;
  const minSplits = Math.max(1, options.minSplits ?? 1);
  return Math.max(1, Math.min(max, Math.max(open, Math.ceil(totalBytesWithOpenCost / minSplits))));
}

/** Lists a partition directory recursively, skipping hidden entries; files sorted by path. */
export async function listPartitionFiles(fs: FileSystem, dir: string): Promise<FileStatus[]> {
  const out: FileStatus[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await fs.list(d);
    // A partition can be in the metastore while its directory is gone: zero files, no error.
    if (entries == null) return;
    for (const e of entries) {
      if (isHiddenFile(e.path)) continue;
      if (e.isDirectory) await walk(e.path);
      else out.push(e);
    }
  };
  await walk(dir);
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

function checkOptions(o: SplitPlannerOptions): void {
  const positive = (name: string, v: number | undefined): void => {
    if (v != null && !(Number.isFinite(v) && v >= 1)) {
      throw new HiveBatchError('INVALID_ARGUMENT', `${name} must be a finite number ≥ 1, got ${v}`);
    }
  };
  positive('maxSplitBytes', o.maxSplitBytes);
  positive('minSplits', o.minSplits);
  positive('listingConcurrency', o.listingConcurrency);
  if (o.openCostBytes != null && !(Number.isFinite(o.openCostBytes) && o.openCostBytes >= 0)) {
    throw new HiveBatchError('INVALID_ARGUMENT', `openCostBytes must be ≥ 0, got ${o.openCostBytes}`);
  }
}

/** Cuts one partition's files into splits for a fixed `maxSplitBytes`. Pure and deterministic. */
export function splitPartitionFiles(
  partition: PlannedPartition,
  files: readonly FileStatus[],
  sizing: {
    readonly format: HiveFileFormat;
    readonly maxSplitBytes: number;
    readonly openCostBytes: number;
    readonly pack: boolean;
  },
): HiveSplit[] {
  const items: FileRange[] = [];
  for (const f of files) {
    if (f.length > sizing.maxSplitBytes && isSplittable(f.path)) {
      for (let start = 0; start < f.length; start += sizing.maxSplitBytes) {
        items.push({
          path: f.path,
          start,
          length: Math.min(sizing.maxSplitBytes, f.length - start),
          fileLength: f.length,
        });
      }
    } else items.push({ path: f.path, start: 0, length: f.length, fileLength: f.length });
  }
  const prefix = partition.location.endsWith('/') ? partition.location : `${partition.location}/`;
  const splitOf = (ranges: FileRange[]): HiveSplit => {
    const first = ranges[0];
    if (first == null) throw new HiveBatchError('SPLIT_PLANNING_FAILED', 'empty split');
    const rel = first.path.startsWith(prefix) ? first.path.slice(prefix.length) : first.path;
    const suffix = ranges.length > 1 ? `#${ranges.length}` : '';
    return {
      splitId: `${partition.id}|${rel}@${first.start}+${first.length}${suffix}`,
      partitionId: partition.id,
      format: sizing.format,
      ranges,
    };
  };
  const out: HiveSplit[] = [];
  let bin: FileRange[] = [];
  let weight = 0;
  for (const item of items) {
    const w = item.length + sizing.openCostBytes;
    if (!sizing.pack) {
      out.push(splitOf([item]));
      continue;
    }
    if (bin.length > 0 && weight + w > sizing.maxSplitBytes) {
      out.push(splitOf(bin));
      bin = [];
      weight = 0;
    }
    bin.push(item);
    weight += w;
  }
  if (bin.length > 0) out.push(splitOf(bin));
  return out;
}

/**
 * Plans the splits of `partitions`, yielding one array per partition in partition order as soon as that
 * partition is listed (listing runs `listingConcurrency` partitions at a time). When every partition carries
 * `totalSize` and `numFiles` statistics the sizing comes from them and the first splits come out before
 * listing ends; otherwise everything is listed first and sized from the listing. Either way the result is
 * deterministic for a given listing.
 *
 * @throws {HiveBatchError} `INVALID_ARGUMENT` on bad options, `SPLIT_PLANNING_FAILED` when listing fails
 */
export async function* planSplits(input: PlanSplitsInput): AsyncGenerator<HiveSplit[], void, undefined> {
  const o = input.options ?? {};
  checkOptions(o);
  const openCost = o.openCostBytes ?? 4 * MIB;
  const concurrency = o.listingConcurrency ?? 3;
  const keep = input.keep ?? ((): boolean => true);
  const selected = input.partitions;
  const list = async (p: PlannedPartition): Promise<FileStatus[]> => {
    try {
      return keep(p) ? await listPartitionFiles(input.fileSystem, p.location) : [];
    } catch (e) {
      throw new HiveBatchError(
        'SPLIT_PLANNING_FAILED',
        `Listing partition ${p.id || '<table>'} at ${p.location} failed`,
        { cause: e },
      );
    }
  };
  const fromStats = selected.every((p) => p.totalSize != null && p.numFiles != null);
  let maxSplitBytes: number;
  let listings: Promise<FileStatus[]>[] | null = null;
  if (fromStats) {
    let total = 0;
    for (const p of selected) total += (p.totalSize ?? 0) + (p.numFiles ?? 0) * openCost;
    maxSplitBytes = computeMaxSplitBytes(total, o);
  } else {
    listings = await listAll(selected, list, concurrency);
    let total = 0;
    for (const l of listings) for (const f of await l) total += f.length + openCost;
    maxSplitBytes = computeMaxSplitBytes(total, o);
  }
  const sizing = {
    format: input.format,
    maxSplitBytes,
    openCostBytes: openCost,
    pack: o.packSmallFiles ?? true,
  };
  if (listings != null) {
    for (let i = 0; i < selected.length; i++) {
      const p = selected[i];
      const l = listings[i];
      if (p != null && l != null) yield splitPartitionFiles(p, await l, sizing);
    }
    return;
  }
  // Streaming: a window of `concurrency` listings in flight, results yielded in partition order.
  const window: Promise<FileStatus[]>[] = [];
  let next = 0;
  const fill = (): void => {
    while (window.length < concurrency && next < selected.length) {
      const p = selected[next++];
      if (p == null) break;
      const pr = list(p);
      pr.catch(() => {}); // observed when awaited below; avoids an unhandled rejection meanwhile
      window.push(pr);
    }
  };
  fill();
  for (let i = 0; i < selected.length; i++) {
    const pr = window.shift();
    const p = selected[i];
    if (pr == null || p == null) break;
    const files = await pr;
    fill();
    yield splitPartitionFiles(p, files, sizing);
  }
}

async function listAll(
  partitions: readonly PlannedPartition[],
  list: (p: PlannedPartition) => Promise<FileStatus[]>,
  concurrency: number,
): Promise<Promise<FileStatus[]>[]> {
  const results: Promise<FileStatus[]>[] = new Array<Promise<FileStatus[]>>(partitions.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < partitions.length) {
      const i = next++;
      const p = partitions[i];
      if (p == null) continue;
      const pr = list(p);
      results[i] = pr;
      await pr;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, partitions.length) }, worker));
  return results;
}
