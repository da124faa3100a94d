// Table scans through @hive-batch/connector-hive's HiveSource, driven by @hive-batch/source's SourceCoordinator
// in this process (one reader), so the same split planning, assignment and readers run as in a cluster.
import { HiveTypes, batchToRows } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import type { Catalog, TableId } from '@hive-batch/catalog';
import { HiveSource, loadHiveTable } from '@hive-batch/connector-hive';
import type { HiveSplit } from '@hive-batch/connector-hive';
import { SourceCoordinator } from '@hive-batch/source';
import type { SourceReader } from '@hive-batch/source';
import { partitionValue } from './text-table';
import type { ScanProgress } from './text-table';

/** Options of {@link scanTable}. */
export interface ScanTableOptions {
  /** Keeps a partition when true for its typed partition values (static pruning). Defaults to all. */
  readonly prune?: ((partitionValues: readonly unknown[]) => boolean) | null;
  readonly onProgress?: (p: ScanProgress) => void;
  /**
   * One split per file, ordered by size (largest first), as BucketizedHiveInputFormat and MapReduce plan them;
   * otherwise the table is one split, as CombineHiveInputFormat reads a small table. Defaults to false.
   */
  readonly splitPerFile?: boolean;
  /** Indexes (data columns, then partition keys) to read; the rows keep full width with NULL elsewhere. */
  readonly projection?: readonly number[] | null;
}

function splitBytes(s: HiveSplit): number {
  return s.ranges.reduce((n, r) => n + r.length, 0);
}

/**
 * Reads a table (data columns, then partition columns) and returns its rows grouped by split.
 *
 * @throws {HiveBatchError} `TABLE_NOT_FOUND`, `MALFORMED_DATA`, `IO_ERROR`, `UNSUPPORTED_OPERATION` (format)
 */
export async function scanTable(
  catalog: Catalog,
  id: TableId,
  options: ScanTableOptions = {},
): Promise<unknown[][][]> {
  const { table, partitions: all, catalogTable } = await loadHiveTable(catalog, id);
  // Static pruning before anything is listed: the predicate sees the typed partition values.
  const prune = options.prune;
  const partitions =
    prune == null || catalogTable.partitionKeys.length === 0
      ? all
      : all.filter((p) =>
          prune(
            p.values.map((v, i) =>
              partitionValue(v, catalogTable.partitionKeys[i]?.type ?? HiveTypes.string),
            ),
          ),
        );
  const name = `${id.database}.${id.table}`;
  const allColumns = [...table.columns, ...table.partitionKeys];
  const projection = options.projection ?? null;
  const source = new HiveSource({
    table,
    partitions,
    ...(projection != null ? { projection: projection.map((i) => allColumns[i]?.name ?? '') } : {}),
    ...(options.splitPerFile === true ? { planner: { packSmallFiles: false } } : {}),
  });
  const perSplit: { split: HiveSplit; rows: unknown[][] }[] = [];
  let reader: SourceReader<ColumnBatch, HiveSplit> | null = null;
  const coordinator = new SourceCoordinator({
    source,
    parallelism: 1,
    gateway: {
      send: (_attempt, event) => {
        if (event.kind === 'addSplits') {
          for (const split of event.splits) perSplit.push({ split, rows: [] });
          reader?.addSplits(event.splits);
        }
        if (event.kind === 'noMoreSplits') reader?.notifyNoMoreSplits();
      },
    },
  });
  coordinator.start();
  const r = source.createReader({
    subtaskId: 0,
    attemptNumber: 0,
    location: undefined,
    sendSplitRequest: () => coordinator.handleSplitRequest(0, 0),
    sendSourceEvent: () => {},
  });
  reader = r;
  coordinator.registerAttempt(0, 0);
  r.start();
  let rowsRead = 0;
  let done = 0;
  try {
    for (;;) {
      const status = r.pollNext({
        collect: (b) => {
          let rows = batchToRows(b);
          if (projection != null) {
            rows = rows.map((r) => {
              const full = new Array<unknown>(allColumns.length).fill(null);
              projection.forEach((c, j) => (full[c] = r[j]));
              return full;
            });
          }
          rowsRead += rows.length;
          perSplit[perSplit.length - 1]?.rows.push(...rows);
        },
      });
      if (perSplit.length - 1 > done) {
        done = perSplit.length - 1;
        options.onProgress?.({ table: name, splitsDone: done, splitsTotal: perSplit.length, rowsRead });
      }
      if (status === 'END_OF_INPUT') break;
      if (status === 'NOTHING_AVAILABLE') await r.isAvailable();
    }
    coordinator.attemptFinished(0, 0);
    await coordinator.settled();
  } finally {
    coordinator.close();
  }
  options.onProgress?.({ table: name, splitsDone: perSplit.length, splitsTotal: perSplit.length, rowsRead });
  if (options.splitPerFile === true) {
    return perSplit
      .map((s, i) => ({ ...s, i }))
      .sort((a, b) => splitBytes(b.split) - splitBytes(a.split) || a.i - b.i)
      .map((s) => s.rows);
  }
  return [perSplit.flatMap((s) => s.rows)];
}
