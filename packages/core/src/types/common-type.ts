import type { DataType, DecimalType, StructField } from './data-type';
import { HiveTypes, charType, decimalType, isPrimitiveType, structType, varcharType } from './data-type';
import { dataTypeEquals } from './data-type-equals';

// Hive's numeric ladder (TypeInfoUtils.numericTypes / registerNumericType): BYTE 1 < SHORT 2 < INT 3 < LONG 4
// < DECIMAL 5 < FLOAT 6 < DOUBLE 7 < STRING 8. A type converts implicitly only upwards.
const LADDER: Readonly<Partial<Record<DataType['kind'], number>>> = {
  tinyint: 1,
  smallint: 2,
  int: 3,
  bigint: 4,
  decimal: 5,
  float: 6,
  double: 7,
  string: 8,
};
const NUMERIC_LADDER: readonly DataType['kind'][] = [
  'tinyint',
  'smallint',
  'int',
  'bigint',
  'decimal',
  'float',
  'double',
];

type Grouping = 'numeric' | 'string' | 'date' | 'boolean' | 'binary' | 'void' | 'complex';

// PrimitiveObjectInspectorUtils.getPrimitiveGrouping.
function grouping(t: DataType): Grouping {
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'float':
    case 'double':
    case 'decimal':
      return 'numeric';
    case 'string':
    case 'varchar':
    case 'char':
      return 'string';
    case 'date':
    case 'timestamp':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'binary':
      return 'binary';
    case 'void':
      return 'void';
    default:
      return 'complex';
  }
}

/**
 * Whether Hive converts a value of `from` to `to` without an explicit CAST (`TypeInfoUtils.implicitConvertible`):
 * same kind; void to anything; string group to double; date/timestamp to the string group; numeric to the
 * string group; within the string group; upwards on the numeric ladder tinyint < smallint < int < bigint <
 * decimal < float < double (< string). Complex types convert only when equal (`implicitConvertible(TypeInfo,
 * TypeInfo)` compares non-primitive types with `equals`).
 *
 * Hive also lists string → decimal; it is left out here because with it the common types below stop being
 * symmetric (Hive's own result then depends on argument order). Comparison handles strings explicitly.
 */
export function implicitlyConvertible(from: DataType, to: DataType): boolean {
  if (dataTypeEquals(from, to)) return true;
  if (from.kind === 'void') return true;
  // TypeInfoUtils.implicitConvertible(TypeInfo, TypeInfo): non-primitive types only when equal.
  if (!isPrimitiveType(from) || !isPrimitiveType(to)) return false;
  if (from.kind === to.kind) return true; // same kind, other parameters (decimal/varchar/char)
  const gf = grouping(from);
  const gt = grouping(to);
  if (gf === 'string' && to.kind === 'double') return true;
  if (gf === 'date' && gt === 'string') return true;
  if (gf === 'numeric' && gt === 'string') return true;
  if (gf === 'string' && gt === 'string') return true;
  const f = LADDER[from.kind];
  const t = LADDER[to.kind];
  return f != null && t != null && f <= t;
}

/**
 * The decimal type that holds both types (`HiveDecimalUtils.getDecimalTypeForPrimitiveCategories`), using
 * `HiveDecimalUtils.getPrecisionForType`/`getScaleForType`: tinyint (3,0), smallint (5,0), int (10,0),
 * bigint (19,0), float (7,7), double (15,15), void (1,0), anything else (38,38).
 */
export function commonDecimalType(a: DataType, b: DataType): DecimalType {
  const [p1, s1] = precisionScaleForType(a);
  const [p2, s2] = precisionScaleForType(b);
  const intPart = Math.max(p1 - s1, p2 - s2);
  const decPart = Math.max(s1, s2);
  return decimalType(Math.min(intPart + decPart, 38), Math.min(decPart, 38 - intPart));
}

/** `HiveDecimalUtils.getPrecisionForType` / `getScaleForType` as a pair. */
export function precisionScaleForType(t: DataType): readonly [precision: number, scale: number] {
  switch (t.kind) {
    case 'decimal':
      return [t.precision, t.scale];
    case 'tinyint':
      return [3, 0];
    case 'smallint':
      return [5, 0];
    case 'int':
      return [10, 0];
    case 'bigint':
      return [19, 0];
    case 'float':
      return [7, 7];
    case 'double':
      return [15, 15];
    case 'void':
      return [1, 0];
    default:
      return [38, 38];
  }
}

// FunctionRegistry.getTypeInfoForPrimitiveCategory: the result kind with parameters merged from both inputs.
function typeForKind(a: DataType, b: DataType, kind: DataType['kind']): DataType {
  switch (kind) {
    case 'decimal':
      return commonDecimalType(a, b);
    case 'varchar':
      return varcharType(Math.max(charLength(a), charLength(b)));
    case 'char':
      return charType(Math.max(charLength(a), charLength(b)));
    default: {
      const simple = (HiveTypes as Readonly<Record<string, DataType>>)[kind];
      if (simple == null) return a;
      return simple;
    }
  }
}

// getCharacterLengthForType: char/varchar their length, anything else the varchar maximum.
function charLength(t: DataType): number {
  return t.kind === 'char' || t.kind === 'varchar' ? t.length : 65535;
}

// FunctionRegistry.getPrimitiveCommonCategory (Hive 3).
function primitiveCommonKind(a: DataType, b: DataType): DataType['kind'] | null {
  if (a.kind === b.kind) return a.kind;
  const ga = grouping(a);
  const gb = grouping(b);
  if (ga === 'string' && gb === 'string') return 'string';
  // date/timestamp take precedence over the string group
  if (ga === 'string' && gb === 'date') return b.kind;
  if (gb === 'string' && ga === 'date') return a.kind;
  if (ga === 'date' && gb === 'date') return 'timestamp';
  if (implicitlyConvertible(a, b)) return b.kind;
  if (implicitlyConvertible(b, a)) return a.kind;
  for (const k of NUMERIC_LADDER) {
    const t = { kind: k } as DataType;
    if (implicitlyConvertible(a, t) && implicitlyConvertible(b, t)) return k;
  }
  return null;
}

function commonStruct(
  a: DataType,
  b: DataType,
  rec: (x: DataType, y: DataType) => DataType | null,
): DataType | null {
  // FunctionRegistry.getCommonClassForStruct: same field names (case-insensitive), field-wise common types.
  if (a.kind !== 'struct' || b.kind !== 'struct' || a.fields.length !== b.fields.length) return null;
  const fields: StructField[] = [];
  for (let i = 0; i < a.fields.length; i++) {
    const f = a.fields[i];
    const g = b.fields[i];
    if (f == null || g == null || f.name.toLowerCase() !== g.name.toLowerCase()) return null;
    const t = rec(f.type, g.type);
    if (t == null) return null;
    fields.push({ name: f.name, type: t });
  }
  return structType(fields);
}

/**
 * The type both sides of a UNION ALL (and of CASE/COALESCE/IN branches) are converted to
 * (`FunctionRegistry.getCommonClassForUnionAll` / `getCommonClass`, Hive 3): equal types stay; string group
 * pairs give string; date/timestamp beat the string group; date + timestamp give timestamp; otherwise the side
 * the other converts to implicitly (numeric + string → string, void + x → x), else the lowest numeric type
 * both convert to; structs field by field (`getCommonClassForStruct`, same field names). Arrays and maps
 * element-wise is our extension (Hive rejects such a UNION); `null` when there is no common type.
 *
 * @example
 * ```ts
 * commonTypeForUnion(HiveTypes.int, decimalType(10, 2)); // decimal(12,2)
 * ```
 */
export function commonTypeForUnion(a: DataType, b: DataType): DataType | null {
  if (dataTypeEquals(a, b)) return a;
  if (a.kind === 'void') return b;
  if (b.kind === 'void') return a;
  if (isPrimitiveType(a) && isPrimitiveType(b)) {
    const k = primitiveCommonKind(a, b);
    return k == null ? null : typeForKind(a, b, k);
  }
  if (a.kind === 'array' && b.kind === 'array') {
    const e = commonTypeForUnion(a.element, b.element);
    return e == null ? null : { kind: 'array', element: e };
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const k = commonTypeForUnion(a.key, b.key);
    const v = commonTypeForUnion(a.value, b.value);
    return k == null || v == null ? null : { kind: 'map', key: k, value: v };
  }
  return commonStruct(a, b, commonTypeForUnion);
}

/**
 * The type two values are compared in (`FunctionRegistry.getCommonClassForComparison`, Hive 3, used by
 * `GenericUDFBaseCompare`): equal kinds merge parameters; string group pairs compare as string; date/timestamp
 * beat the string group; numeric + timestamp compare as double; string group + numeric compare as double
 * (Hive's plans show `UDFToDouble(key) < 100.0D`); otherwise the lowest numeric-ladder type both convert to.
 * Complex types compare only when equal. `null` when Hive finds no common type (it then falls back to double
 * for primitives; callers decide).
 *
 * @example
 * ```ts
 * commonTypeForComparison(HiveTypes.string, HiveTypes.int); // double
 * ```
 */
export function commonTypeForComparison(a: DataType, b: DataType): DataType | null {
  if (dataTypeEquals(a, b)) return a;
  if (!isPrimitiveType(a) || !isPrimitiveType(b)) return null;
  if (a.kind === b.kind) return typeForKind(a, b, a.kind);
  if (a.kind === 'void') return b;
  if (b.kind === 'void') return a;
  const ga = grouping(a);
  const gb = grouping(b);
  if (ga === 'string' && gb === 'string') return HiveTypes.string;
  if (ga === 'string' && gb === 'date') return b;
  if (gb === 'string' && ga === 'date') return a;
  if ((ga === 'numeric' || gb === 'numeric') && (a.kind === 'timestamp' || b.kind === 'timestamp')) {
    return HiveTypes.double;
  }
  if ((ga === 'string' && gb === 'numeric') || (ga === 'numeric' && gb === 'string')) return HiveTypes.double;
  if (ga === 'date' && gb === 'date') return HiveTypes.timestamp;
  for (const k of NUMERIC_LADDER) {
    const t = { kind: k } as DataType;
    if (implicitlyConvertible(a, t) && implicitlyConvertible(b, t)) return typeForKind(a, b, k);
  }
  return null;
}

/**
 * The type of a binary arithmetic operation's operands (`GenericUDFBaseNumeric.initialize` /
 * `FunctionRegistry.getCommonClass` on the numeric ladder): two integral types give the wider integral type;
 * integral + decimal → decimal (the decimal *result* type comes from {@link decimalArithmeticResultType});
 * otherwise the higher of the two on the ladder (`deriveResultApproxTypeInfo` takes the common category), so
 * decimal + float → float, float + bigint → float, anything + double → double;
 * string group + numeric → double (Hive converts strings to double for arithmetic); void counts as tinyint, so
 * it takes the other side's type. Returns `null` for non-numeric operands (boolean, date, timestamp, binary,
 * complex).
 *
 * @example
 * ```ts
 * commonNumericType(HiveTypes.int, HiveTypes.bigint); // bigint
 * commonNumericType(decimalType(10, 2), HiveTypes.double); // double
 * ```
 */
export function commonNumericType(a: DataType, b: DataType): DataType | null {
  const ka = arithmeticKind(a);
  const kb = arithmeticKind(b);
  if (ka == null || kb == null) return null;
  if (ka === 'decimal' && kb === 'decimal') {
    return a.kind === 'decimal' && b.kind === 'decimal' && dataTypeEquals(a, b) ? a : commonDecimalType(a, b);
  }
  const ra = LADDER[ka] ?? 0;
  const rb = LADDER[kb] ?? 0;
  const top = ra >= rb ? ka : kb;
  if (top === 'decimal') return commonDecimalType(a, b);
  return typeForKind(a, b, top);
}

// String group and void operands take part in arithmetic as double / as the other side.
function arithmeticKind(t: DataType): DataType['kind'] | null {
  if (t.kind === 'void') return 'tinyint';
  const g = grouping(t);
  if (g === 'string') return 'double';
  if (g === 'numeric') return t.kind;
  return null;
}
