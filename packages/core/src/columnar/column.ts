import type { DataType } from '../types/data-type';
import type { Schema } from '../types/schema';

/**
 * Columnar layout, Arrow-compatible so a later Arrow adapter is zero-copy where the physical types agree.
 *
 * - `validity`: Arrow validity bitmap, LSB-first, bit = 1 means the row is NOT NULL; `null` means no NULLs.
 * - Physical layout per Hive type:
 *
 * | Hive type              | layout       | buffers                                                    |
 * |------------------------|--------------|------------------------------------------------------------|
 * | void                   | `null`       | none (every row NULL)                                      |
 * | boolean                | `bool`       | `values`: bitmap like validity                             |
 * | tinyint/smallint/int   | `fixed`      | `values`: Int8Array / Int16Array / Int32Array              |
 * | bigint                 | `fixed`      | `values`: BigInt64Array                                    |
 * | float / double         | `fixed`      | `values`: Float32Array / Float64Array                      |
 * | date                   | `fixed`      | `values`: Int32Array, days since 1970-01-01 (Arrow Date32) |
 * | timestamp              | `fixed`      | `values`: BigInt64Array, microseconds since epoch, no zone |
 * | decimal(p ≤ 18, s)     | `decimal`    | `values`: BigInt64Array of unscaled values (Arrow Decimal64), `width` 1 |
 * | decimal(p > 18, s)     | `decimal`    | `values`: BigInt64Array, 2 words per value, little-endian lo (unsigned) then hi (signed) (Arrow Decimal128), `width` 2 |
 * | string/varchar/char    | `varbinary`  | `offsets` Int32Array(length+1), `data` UTF-8 bytes (Arrow Utf8) |
 * | binary                 | `varbinary`  | same (Arrow Binary)                                        |
 * | array<T>               | `list`       | `offsets` Int32Array(length+1), `child`                   |
 * | map<K,V>               | `map`        | `offsets` Int32Array(length+1), `keys`, `values` children (Arrow Map entries) |
 * | struct<…>              | `struct`     | `children`, one per field, each of `length` rows           |
 *
 * Buffers may be longer than `length` (builders over-allocate); readers must respect `length`.
 * Offsets need not start at 0 (`sliceColumn` shares `data`/children, as Arrow allows): always read row i as
 * `offsets[i]`..`offsets[i + 1]`.
 */
interface ColumnBase {
  readonly type: DataType;
  readonly length: number;
  readonly nullCount: number;
  readonly validity: Uint8Array | null;
}

export type FixedValues = Int8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array;

export interface NullColumn extends ColumnBase {
  readonly layout: 'null';
}

export interface BoolColumn extends ColumnBase {
  readonly layout: 'bool';
  readonly values: Uint8Array;
}

export interface FixedColumn<TValues extends FixedValues = FixedValues> extends ColumnBase {
  readonly layout: 'fixed';
  readonly values: TValues;
}

export interface DecimalColumn extends ColumnBase {
  readonly layout: 'decimal';
  /** Unscaled values; see {@link DecimalColumn.width}. */
  readonly values: BigInt64Array;
  /** 64-bit words per value: 1 for precision ≤ 18, 2 (lo, hi) above. */
  readonly width: 1 | 2;
}

export interface VarBinaryColumn extends ColumnBase {
  readonly layout: 'varbinary';
  readonly offsets: Int32Array;
  readonly data: Uint8Array;
}

export interface ListColumn extends ColumnBase {
  readonly layout: 'list';
  readonly offsets: Int32Array;
  readonly child: Column;
}

export interface MapColumn extends ColumnBase {
  readonly layout: 'map';
  readonly offsets: Int32Array;
  readonly keys: Column;
  readonly values: Column;
}

export interface StructColumn extends ColumnBase {
  readonly layout: 'struct';
  readonly children: readonly Column[];
}

/** One column of a batch. */
export type Column =
  | NullColumn
  | BoolColumn
  | FixedColumn
  | DecimalColumn
  | VarBinaryColumn
  | ListColumn
  | MapColumn
  | StructColumn;

/** A schema plus one column per field, all of `numRows` rows. */
export interface ColumnBatch {
  readonly schema: Schema;
  readonly columns: readonly Column[];
  readonly numRows: number;
}

/** True when row `i` of a column is NULL. */
export function isNullAt(column: Column, i: number): boolean {
  if (column.layout === 'null') return true;
  const v = column.validity;
  if (v == null) return false;
  return ((v[i >> 3] ?? 0) & (1 << (i & 7))) === 0;
}
