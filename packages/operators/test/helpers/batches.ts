import { batchFromRows, sliceBatch } from '@hive-batch/core';
import type { ColumnBatch, Schema } from '@hive-batch/core';

/** Rows as batches of `batchSize` rows (the last one shorter), slices of one batch as an input would send them. */
export function rowsToBatches(schema: Schema, rows: readonly unknown[][], batchSize: number): ColumnBatch[] {
  const all = batchFromRows(schema, rows);
  const out: ColumnBatch[] = [];
  for (let s = 0; s < rows.length; s += batchSize)
    out.push(sliceBatch(all, s, Math.min(rows.length, s + batchSize)));
  return out;
}
