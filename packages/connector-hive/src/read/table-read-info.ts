import type { Field } from '@hive-batch/core';
import type { HiveFileFormat } from '../planning/hive-split';

/** What a reader needs to know about the table (taken from the catalog's `Table`). */
export interface TableReadInfo {
  readonly format: HiveFileFormat;
  /** Data columns in file order. */
  readonly columns: readonly Field[];
  readonly partitionKeys: readonly Field[];
  /** SerDe properties merged with table properties (`field.delim`, `skip.header.line.count`, …). */
  readonly properties: Readonly<Record<string, string>>;
}
