import { HiveBatchError } from '../errors/hive-batch-error';
import { dataTypeEquals } from '../types/data-type-equals';
import type { ColumnBatch } from './column';
import { createColumnBuilder } from './column-builder';

/**
 * One batch holding the rows of `batches` in order, with fresh, compact buffers (flat layouts are bulk-copied;
 * nested ones are rebuilt row by row). A single batch is returned as is.
 *
 * @param batches - at least one batch; all must have the same column types
 * @returns the concatenation, with the first batch's schema
 * @throws {HiveBatchError} `INVALID_ARGUMENT` for an empty list; `TYPE_MISMATCH` when column types differ
 * @example
 * ```ts
 * concatBatches([a, b]).numRows === a.numRows + b.numRows; // true
 * ```
 */
export function concatBatches(batches: readonly ColumnBatch[]): ColumnBatch {
  const first = batches[0];
  if (first == null) throw new HiveBatchError('INVALID_ARGUMENT', 'concatBatches needs at least one batch');
  if (batches.length === 1) return first;
  const fields = first.schema.fields;
  for (const b of batches) {
    const other = b.schema.fields;
    if (
      other.length !== fields.length ||
      !fields.every((f, k) => other[k] != null && dataTypeEquals(f.type, other[k].type))
    ) {
      throw new HiveBatchError(
        'TYPE_MISMATCH',
        'concatBatches needs batches whose columns have the same types',
      );
    }
  }
  const total = batches.reduce((n, b) => n + b.numRows, 0);
  const columns = fields.map((f, k) => {
    const builder = createColumnBuilder(f.type, { initialCapacity: Math.max(1, total) });
    for (const b of batches) {
      const col = b.columns[k];
      if (col != null) builder.appendColumn(col, 0, b.numRows);
    }
    return builder.finish();
  });
  return { schema: first.schema, columns, numRows: total };
}
