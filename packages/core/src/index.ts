// Public surface of @hive-batch/core. Every export is listed by name.

export type { ErrorCode } from './errors/error-code';
export { ERROR_CODES } from './errors/error-code';
export type { HiveBatchErrorOptions } from './errors/hive-batch-error';
export {
  HiveBatchError,
  InternalError,
  isHiveBatchError,
  isInternalError,
  invariant,
} from './errors/hive-batch-error';

export type {
  PrimitiveKind,
  SimpleType,
  DecimalType,
  CharacterType,
  ArrayType,
  MapType,
  StructField,
  StructType,
  DataType,
  ComplexKind,
} from './types/data-type';
export {
  HiveTypes,
  decimalType,
  varcharType,
  charType,
  arrayType,
  mapType,
  structType,
  isPrimitiveType,
  isNumericType,
  isIntegralType,
  isStringGroupType,
} from './types/data-type';
export type { Field, Schema } from './types/schema';
export { createSchema, fieldIndex } from './types/schema';

export type { HiveDecimalValue } from './values/hive-decimal';
export {
  HiveDecimal,
  HIVE_DECIMAL_MAX_PRECISION,
  HIVE_DECIMAL_MAX_SCALE,
  HIVE_DECIMAL_DEFAULT_PRECISION,
  HIVE_DECIMAL_DEFAULT_SCALE,
} from './values/hive-decimal';

export type {
  Column,
  ColumnBatch,
  NullColumn,
  BoolColumn,
  FixedColumn,
  FixedValues,
  DecimalColumn,
  VarBinaryColumn,
  ListColumn,
  MapColumn,
  StructColumn,
} from './columnar/column';
export { isNullAt } from './columnar/column';

export type { ColumnLayout } from './columnar/column-layout';
export { columnLayoutOf, decimalWidthOf } from './columnar/column-layout';
export type { ColumnBuilder, ColumnBuilderOptions } from './columnar/column-builder';
export { createColumnBuilder } from './columnar/column-builder';
export type { ColumnBatchBuilderOptions } from './columnar/column-batch-builder';
export {
  ColumnBatchBuilder,
  DEFAULT_HIGH_WATER_MARK_ROWS,
  DEFAULT_HIGH_WATER_MARK_BYTES,
} from './columnar/column-batch-builder';
export { getValue, getRow, batchToRows } from './columnar/get-value';
export { columnFromValues, batchFromRows } from './columnar/column-from-values';
export { sliceColumn, sliceBatch } from './columnar/slice-column';
export { concatBatches } from './columnar/concat-batches';
export { decimalUnscaledAt } from './columnar/decimal-unscaled-at';
export { stringAt, bytesAt } from './columnar/string-at';
export { isValidAt, validityFromNulls } from './columnar/validity';

// Types: parsing, printing, validation, equality, conversion rules, decimal result types.
export { parseDataType } from './types/parse-data-type';
export { formatDataType } from './types/format-data-type';
export { validateDataType } from './types/validate-data-type';
export { TYPE_LIMITS } from './types/type-limits';
export { dataTypeEquals } from './types/data-type-equals';
export {
  implicitlyConvertible,
  commonTypeForUnion,
  commonTypeForComparison,
  commonNumericType,
  commonDecimalType,
  precisionScaleForType,
} from './types/common-type';
export type { DecimalOperator } from './types/decimal-result-type';
export {
  adjustPrecisionScale,
  decimalTypeOf,
  decimalArithmeticResultType,
  sumResultType,
  avgResultType,
} from './types/decimal-result-type';

// Values: representation, validation, dates and timestamps, casts.
export type { HiveValue } from './values/hive-value';
export { isValueOfType, codePointLength } from './values/is-value-of-type';
export {
  formatDate,
  parseDate,
  tryParseDate,
  formatTimestamp,
  parseTimestamp,
  tryParseTimestamp,
  daysFromCivil,
  civilFromDays,
  timestampToDays,
} from './values/date-time';
export { enforceDecimalType, createHiveDecimal } from './values/enforce-decimal-type';
export { formatJavaDouble, formatJavaFloat } from './printing/java-double';
export type { FormatValueOptions } from './printing/format-value';
export { formatHiveValue, formatRow } from './printing/format-value';
export { escapeJsonString } from './printing/escape-json-string';
export { castValue, parseLazyLong } from './values/cast-value';
export { parseJavaDouble } from './values/parse-java-double';
export type { HiveValueComparator } from './values/compare-hive-values';
export {
  compareHiveValues,
  hiveValueComparator,
  compareHiveDoubles,
  compareJavaDoubles,
} from './values/compare-hive-values';
export type { TextSerDeOptions } from './serde/text-serde-options';
export { textSerDeOptionsFromProperties } from './serde/text-serde-options';
export type { TextRowParser } from './serde/text-row-parser';
export { createTextRowParser } from './serde/text-row-parser';
export type { TextRowSerializer } from './serde/text-row-serializer';
export { createTextRowSerializer } from './serde/text-row-serializer';
export { splitLines } from './serde/split-lines';
