import { HiveBatchError } from '../errors/hive-batch-error';
import type { DataType } from '../types/data-type';
import type { ColumnBatch } from './column';
import { createColumnBuilder } from './column-builder';

/** Structural equality of two Hive types (field names compared case-insensitively, as Hive does). */
function sameType(a: DataType, b: DataType): boolean {
  switch (a.kind) {
    case 'decimal':
      return b.kind === 'decimal' && a.precision === b.precision && a.scale === b.scale;
    case 'varchar':
    case 'char':
      return b.kind === a.kind && a.length === b.length;
    case 'array':
      return b.kind === 'array' && sameType(a.element, b.element);
    case 'map':
      return b.kind === 'map' && sameType(a.key, b.key) && sameType(a.value, b.value);
    case 'struct':
      return (
        b.kind === 'struct' &&
        a.fields.length === b.fields.length &&
        a.fields.every((f, k) => {
          const g = b.fields[k];
          return g != null && f.name.toLowerCase() === g.name.toLowerCase() && sameType(f.type, g.type);
        })
      );
    default:
      return a.kind === b.kind;
  }
}

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
      !fields.every((f, k) => other[k] != null && sameType(f.type, other[k].type))
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
