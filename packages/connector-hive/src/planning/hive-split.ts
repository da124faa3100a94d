/** Storage formats the connector reads and writes. */
export type HiveFileFormat = 'TEXTFILE' | 'PARQUET';

/** A byte range of one file inside a {@link HiveSplit}. */
export interface FileRange {
  /** Absolute path. */
  readonly path: string;
  /** Bytes from the start of the file. */
  readonly start: number;
  /** Bytes. */
  readonly length: number;
  /** Bytes; the whole file's length at listing time. */
  readonly fileLength: number;
}

/**
 * A unit of reading: byte ranges of one partition's files (several small files may be packed into one split).
 * Plain JSON, so it crosses processes. The partition is referenced by id, never embedded.
 */
export interface HiveSplit {
  /** Stable: `<partitionId>|<relative path>@<start>+<length>` of the first range, plus `#<n>` for packs. */
  readonly splitId: string;
  /** The partition name (`k1=v1/k2=v2`), `''` for an unpartitioned table. */
  readonly partitionId: string;
  readonly format: HiveFileFormat;
  readonly ranges: readonly FileRange[];
}

/** A partition to plan, as taken from the catalog. */
export interface PlannedPartition {
  /** Partition name (`k1=v1/k2=v2`), `''` for an unpartitioned table. */
  readonly id: string;
  /** Raw values in key order; `null` is Hive's default partition. */
  readonly values: readonly (string | null)[];
  /** Absolute directory. */
  readonly location: string;
  /** Catalog statistics; when every partition has both, planning streams without listing everything first. */
  readonly totalSize?: number;
  readonly numFiles?: number;
}
