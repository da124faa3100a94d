/**
 * Hive data types as plain immutable values, discriminated by `kind`.
 * `void` is Hive's type of an untyped NULL literal (VoidObjectInspector); it converts to anything.
 */
export type PrimitiveKind =
  | 'void'
  | 'boolean'
  | 'tinyint'
  | 'smallint'
  | 'int'
  | 'bigint'
  | 'float'
  | 'double'
  | 'decimal'
  | 'string'
  | 'varchar'
  | 'char'
  | 'date'
  | 'timestamp'
  | 'binary';

/** A primitive type without parameters. */
export interface SimpleType {
  readonly kind:
    | 'void'
    | 'boolean'
    | 'tinyint'
    | 'smallint'
    | 'int'
    | 'bigint'
    | 'float'
    | 'double'
    | 'string'
    | 'date'
    | 'timestamp'
    | 'binary';
}

/** `decimal(precision, scale)`; 1 ≤ precision ≤ 38, 0 ≤ scale ≤ precision. */
export interface DecimalType {
  readonly kind: 'decimal';
  readonly precision: number;
  readonly scale: number;
}

/** `varchar(n)` (1 ≤ n ≤ 65535) or `char(n)` (1 ≤ n ≤ 255). */
export interface CharacterType {
  readonly kind: 'varchar' | 'char';
  readonly length: number;
}

export interface ArrayType {
  readonly kind: 'array';
  readonly element: DataType;
}

export interface MapType {
  readonly kind: 'map';
  readonly key: DataType;
  readonly value: DataType;
}

/** One field of a struct type. Names keep the case they were declared with; lookups ignore case. */
export interface StructField {
  readonly name: string;
  readonly type: DataType;
}

export interface StructType {
  readonly kind: 'struct';
  readonly fields: readonly StructField[];
}

/** Any Hive type. */
export type DataType = SimpleType | DecimalType | CharacterType | ArrayType | MapType | StructType;

/** The kinds that hold other types. */
export type ComplexKind = 'array' | 'map' | 'struct';

/** Singletons for the parameterless types, so they can be compared by reference or by kind. */
export const HiveTypes: {
  readonly void: SimpleType;
  readonly boolean: SimpleType;
  readonly tinyint: SimpleType;
  readonly smallint: SimpleType;
  readonly int: SimpleType;
  readonly bigint: SimpleType;
  readonly float: SimpleType;
  readonly double: SimpleType;
  readonly string: SimpleType;
  readonly date: SimpleType;
  readonly timestamp: SimpleType;
  readonly binary: SimpleType;
} = Object.freeze({
  void: Object.freeze({ kind: 'void' }),
  boolean: Object.freeze({ kind: 'boolean' }),
  tinyint: Object.freeze({ kind: 'tinyint' }),
  smallint: Object.freeze({ kind: 'smallint' }),
  int: Object.freeze({ kind: 'int' }),
  bigint: Object.freeze({ kind: 'bigint' }),
  float: Object.freeze({ kind: 'float' }),
  double: Object.freeze({ kind: 'double' }),
  string: Object.freeze({ kind: 'string' }),
  date: Object.freeze({ kind: 'date' }),
  timestamp: Object.freeze({ kind: 'timestamp' }),
  binary: Object.freeze({ kind: 'binary' }),
} as const);

/** `decimal(precision, scale)`. Does not validate; use `parseDataType` or `validateDataType` for user input. */
export function decimalType(precision: number, scale: number): DecimalType {
  return { kind: 'decimal', precision, scale };
}

export function varcharType(length: number): CharacterType {
  return { kind: 'varchar', length };
}

export function charType(length: number): CharacterType {
  return { kind: 'char', length };
}

export function arrayType(element: DataType): ArrayType {
  return { kind: 'array', element };
}

export function mapType(key: DataType, value: DataType): MapType {
  return { kind: 'map', key, value };
}

export function structType(fields: readonly StructField[]): StructType {
  return { kind: 'struct', fields };
}

/** True for every type that is not array/map/struct. */
export function isPrimitiveType(t: DataType): t is SimpleType | DecimalType | CharacterType {
  return t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'struct';
}

/** tinyint, smallint, int, bigint, float, double, decimal. */
export function isNumericType(t: DataType): boolean {
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'float':
    case 'double':
    case 'decimal':
      return true;
    default:
      return false;
  }
}

/** tinyint, smallint, int, bigint. */
export function isIntegralType(t: DataType): boolean {
  return t.kind === 'tinyint' || t.kind === 'smallint' || t.kind === 'int' || t.kind === 'bigint';
}

/** string, varchar, char (Hive's STRING_GROUP). */
export function isStringGroupType(t: DataType): boolean {
  return t.kind === 'string' || t.kind === 'varchar' || t.kind === 'char';
}
