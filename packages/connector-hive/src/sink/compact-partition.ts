import { batchToRows } from '@hive-batch/core';
import { readHiveSplit } from '../read/read-hive-split';
import type { HiveTableSink } from './hive-table-sink';

/** A data file written by a task attempt, with its statistics. */
export interface StagedFile {
  /** Relative partition path, `''` for an unpartitioned table. */
  readonly partition: string;
  readonly path: string;
  /** Bytes. */
  readonly bytes: number;
  readonly numRows: number;
  readonly rawDataSize: number;
}

/** Options of small-file compaction. */
export interface CompactionOptions {
  /** Compact at all. Defaults to `true`. */
  readonly enabled?: boolean;
  /** Files below this size are grouped and rewritten into files of about this size. Bytes. Defaults to the sink's `targetFileBytes` (128 MiB). */
  readonly targetFileBytes?: number;
}

/**
 * Small-file compaction of one staged partition (Flink 1.17's compactor, in our terms): the files smaller than
 * the target are taken in name order and grouped greedily while a group stays within the target; each group
 * of two or more files is read back and rewritten as one file, and its inputs are deleted. Returns the
 * partition's files afterwards.
 */
export async function compactPartition(
  sink: HiveTableSink,
  partition: { readonly dir: string; readonly files: readonly StagedFile[] },
  options: CompactionOptions,
): Promise<StagedFile[]> {
  const { dir, files } = partition;
  const target = options.targetFileBytes ?? 128 * 1024 * 1024;
  if (options.enabled === false || files.length < 2) return [...files];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const out: StagedFile[] = [];
  const groups: StagedFile[][] = [];
  let group: StagedFile[] = [];
  let size = 0;
  for (const f of sorted) {
    if (f.bytes >= target) {
      out.push(f);
      continue;
    }
    if (group.length > 0 && size + f.bytes > target) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(f);
    size += f.bytes;
  }
  if (group.length > 0) groups.push(group);
  const fs = sink.fileSystem;
  const tableInfo = {
    format: sink.format,
    columns: sink.table.columns,
    partitionKeys: [],
    properties: {
      ...sink.table.properties,
      ...sink.table.storage.serdeProperties,
      'skip.header.line.count': '0',
    },
  };
  let n = 0;
  for (const g of groups) {
    const first = g[0];
    if (g.length === 1 && first != null) {
      out.push(first);
      continue;
    }
    const writer = sink.newFileWriter();
    for (const f of g) {
      const split = {
        splitId: f.path,
        partitionId: '',
        format: sink.format,
        ranges: [{ path: f.path, start: 0, length: f.bytes, fileLength: f.bytes }],
      };
      for await (const batch of readHiveSplit(split, { fileSystem: fs, table: tableInfo })) {
        for (const row of batchToRows(batch)) writer.append(row);
      }
    }
    const done = writer.finish();
    const path = `${dir}/compacted-${sink.jobId}-${n++}${sink.extension}`;
    await fs.writeFile(path, done.bytes);
    for (const f of g) await fs.delete(f.path);
    out.push({
      partition: first?.partition ?? '',
      path,
      bytes: done.bytes.length,
      numRows: done.numRows,
      rawDataSize: done.rawDataSize,
    });
  }
  return out;
}
