import type { DataType } from '../types/data-type';
import type { Schema } from '../types/schema';
import { HiveBatchError } from '../errors/hive-batch-error';
import type { Column, ColumnBatch } from './column';
import { createColumnBuilder } from './column-builder';

/**
 * A column of `type` holding `values` (core value representation, `null` for NULL).
 *
 * @param type - the column's Hive type
 * @param values - one value per row
 * @returns the finished column
 * @throws {HiveBatchError} `TYPE_MISMATCH` / `INVALID_ARGUMENT` as `ColumnBuilder.append`
 * @example
 * ```ts
 * columnFromValues(HiveTypes.string, ['a', null]); // VarBinaryColumn, length 2, nullCount 1
 * ```
 */
export function columnFromValues(type: DataType, values: readonly unknown[]): Column {
  const b = createColumnBuilder(type, { initialCapacity: Math.max(1, values.length) });
  for (const v of values) b.append(v);
  return b.finish();
}

/**
 * A batch holding `rows` (each an array with one value per schema field).
 *
 * @param schema - the batch schema
 * @param rows - the rows, values in schema order
 * @returns one batch with all rows (no high-water mark)
 * @throws {HiveBatchError} `INVALID_ARGUMENT` when a row has the wrong number of values; `TYPE_MISMATCH` as above
 * @example
 * ```ts
 * batchFromRows(createSchema([{ name: 'k', type: HiveTypes.int }]), [[1], [null]]).numRows; // 2
 * ```
 */
export function batchFromRows(schema: Schema, rows: readonly (readonly unknown[])[]): ColumnBatch {
  const n = schema.fields.length;
  const builders = schema.fields.map((f) =>
    createColumnBuilder(f.type, { initialCapacity: Math.max(1, rows.length) }),
  );
  for (const row of rows) {
    if (row.length !== n) {
      throw new HiveBatchError('INVALID_ARGUMENT', `Row has ${row.length} values, schema has ${n} fields`);
    }
    builders.forEach((b, k) => b.append(row[k]));
  }
  return { schema, columns: builders.map((b) => b.finish()), numRows: rows.length };
}
