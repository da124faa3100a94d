import { HiveBatchError } from '@hive-batch/core';
import type { Catalog, Table, TableId } from '@hive-batch/catalog';
import type { HiveFileFormat, PlannedPartition } from '../planning/hive-split';
import type { TableReadInfo } from '../read/table-read-info';

/** A table's read info and partitions, as {@link HiveSource} takes them. */
export interface LoadedHiveTable {
  readonly table: TableReadInfo;
  readonly partitions: PlannedPartition[];
  readonly catalogTable: Table;
}

/**
 * The storage format of a catalog table.
 *
 * @throws {HiveBatchError} `UNSUPPORTED_OPERATION` for formats other than TEXTFILE and PARQUET
 */
export function fileFormatOf(table: Table): HiveFileFormat {
  const f = table.storage.format.toUpperCase();
  if (f === 'TEXTFILE' || f === 'PARQUET') return f;
  throw new HiveBatchError(
    'UNSUPPORTED_OPERATION',
    `Tables stored as ${f} are not supported (${table.id.database}.${table.id.table})`,
  );
}

/** Read info of a catalog table: format, columns, keys, and SerDe properties over table properties. */
export function tableReadInfoOf(table: Table): TableReadInfo {
  return {
    format: fileFormatOf(table),
    columns: table.columns,
    partitionKeys: table.partitionKeys,
    properties: { ...table.properties, ...table.storage.serdeProperties },
  };
}

/**
 * Loads a table and its partitions from the catalog; an unpartitioned table is one pseudo-partition with id `''`
 * at the table location. Partition statistics (`totalSize`, `numFiles`) are passed on so planning can stream.
 *
 * @throws {HiveBatchError} `TABLE_NOT_FOUND`, `UNSUPPORTED_OPERATION`
 */
export async function loadHiveTable(catalog: Catalog, id: TableId): Promise<LoadedHiveTable> {
  const t = await catalog.getTable(id);
  const table = tableReadInfoOf(t);
  const stats = (s: {
    totalSize?: number;
    numFiles?: number;
  }): { totalSize?: number; numFiles?: number } => ({
    ...(s.totalSize != null ? { totalSize: s.totalSize } : {}),
    ...(s.numFiles != null ? { numFiles: s.numFiles } : {}),
  });
  if (t.partitionKeys.length === 0) {
    return {
      table,
      catalogTable: t,
      partitions: [{ id: '', values: [], location: t.location, ...stats(t.statistics) }],
    };
  }
  const parts = await catalog.listPartitions(id);
  return {
    table,
    catalogTable: t,
    partitions: parts.map((p) => ({
      id: p.name,
      values: p.values.map((v) => (v === '__HIVE_DEFAULT_PARTITION__' ? null : v)),
      location: p.location,
      ...stats(p.statistics),
    })),
  };
}
