import type { DataType } from '../types/data-type';
import type { Column } from './column';

/** The physical layout a Hive type uses (see the table in `column.ts`). */
export type ColumnLayout = Column['layout'];

/**
 * The physical layout of a Hive type.
 *
 * @param type - any Hive type
 * @returns `'null'`, `'bool'`, `'fixed'`, `'decimal'`, `'varbinary'`, `'list'`, `'map'` or `'struct'`
 * @example
 * ```ts
 * columnLayoutOf(decimalType(20, 2)); // 'decimal'
 * ```
 */
export function columnLayoutOf(type: DataType): ColumnLayout {
  switch (type.kind) {
    case 'void':
      return 'null';
    case 'boolean':
      return 'bool';
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'float':
    case 'double':
    case 'date':
    case 'timestamp':
      return 'fixed';
    case 'decimal':
      return 'decimal';
    case 'string':
    case 'varchar':
    case 'char':
    case 'binary':
      return 'varbinary';
    case 'array':
      return 'list';
    case 'map':
      return 'map';
    case 'struct':
      return 'struct';
  }
}

/** 64-bit words per value of a `decimal(precision, s)` column: 1 up to precision 18, else 2. */
export function decimalWidthOf(precision: number): 1 | 2 {
  return precision <= 18 ? 1 : 2;
}
