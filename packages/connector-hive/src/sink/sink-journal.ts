import type { JsonValue } from '@hive-batch/catalog';

/** Journal kind of sink jobs in the catalog. */
export const SINK_JOURNAL_KIND = 'hive-sink';

/** One partition (or the whole unpartitioned table) a sink job publishes. */
export interface PublishedPartition {
  readonly [key: string]: JsonValue;
  /** Relative partition path `k1=v1/…`, `''` for an unpartitioned table. */
  readonly path: string;
  readonly values: (string | null)[];
  readonly numFiles: number;
  readonly numRows: number;
  readonly totalSize: number;
  readonly rawDataSize: number;
  /** Absolute target directory: the registered location of an existing partition, else the default path. */
  readonly location: string;
  /**
   * Row statistics of the whole partition once committed, absolute so a repeated finish sets the same values:
   * this job's rows for a new partition or INSERT OVERWRITE, the old numbers plus this job's for INSERT INTO an
   * existing one. A count is left out when the old one is unknown (files present but never counted). File
   * statistics (`numFiles`, `totalSize`) are not here: they are recounted from the committed directory.
   * Absent in journals written before this field existed: then this job's numbers are used.
   */
  readonly after?: { numRows?: number; rawDataSize?: number };
}

/** What the journal stores for a sink job; enough for recovery to finish or undo it. */
export interface SinkJournalPayload {
  readonly [key: string]: JsonValue;
  readonly jobId: string;
  readonly database: string;
  readonly table: string;
  readonly tableLocation: string;
  readonly staging: string;
  readonly trash: string;
  readonly overwrite: boolean;
  readonly host: string;
  readonly pid: number;
  /** Filled when the job enters COMMITTING. */
  readonly partitions: PublishedPartition[];
  /** Table-level statistics to set (unpartitioned tables), absolute values; `null` to leave them. */
  readonly tableStats: { numFiles: number; numRows: number; totalSize: number; rawDataSize: number } | null;
}

/** Journal states: `WRITING → COMMITTING → COMMITTED`, or `WRITING → ABORTED`. */
export type SinkJobState = 'WRITING' | 'COMMITTING' | 'COMMITTED' | 'ABORTED';
