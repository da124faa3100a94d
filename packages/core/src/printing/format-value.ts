import type { DataType } from '../types/data-type';
import type { HiveDecimalValue } from '../values/hive-decimal';
import { HiveDecimal } from '../values/hive-decimal';
import { escapeJsonString } from './escape-json-string';
import { formatHiveDate, formatHiveTimestamp } from './format-temporal';
import { formatJavaDouble, formatJavaFloat } from './java-double';

/** Options for {@link formatHiveValue}. */
export interface FormatValueOptions {
  /**
   * Whether the value is a whole result cell (true) or sits inside an array/map/struct (false). Top level
   * prints NULL as `NULL`, strings raw and decimals padded to the type's scale; nested values are JSON-like.
   * Defaults to `true`.
   */
  readonly topLevel?: boolean;
}

const utf8 = new TextDecoder('utf-8');

function asDecimal(value: unknown): HiveDecimalValue {
  return value instanceof HiveDecimal ? value : new HiveDecimal(value as string | number);
}

/** Plain notation; `scale` pads (or HALF_UP-rounds) to that many fraction digits, none trims zeros. */
function formatDecimal(value: unknown, scale: number | undefined): string {
  const d = asDecimal(value);
  if (d.isZero()) return scale === undefined || scale === 0 ? '0' : '0.' + '0'.repeat(scale);
  return scale === undefined ? d.toFixed() : d.toFixed(scale);
}

/** Java `Text.toString()` of raw bytes: UTF-8 with U+FFFD for malformed input. */
function bytesToText(value: unknown): string {
  return value instanceof Uint8Array ? utf8.decode(value) : String(value);
}

function padChar(s: string, length: number): string {
  return s.length >= length ? s : s.padEnd(length, ' ');
}

function formatNested(value: unknown, type: DataType): string {
  if (value == null) return 'null';
  switch (type.kind) {
    case 'string':
    case 'varchar':
      return '"' + escapeJsonString(value as string) + '"';
    case 'char':
      return '"' + escapeJsonString(padChar(value as string, type.length)) + '"';
    case 'date':
      return '"' + formatHiveDate(value as number) + '"';
    case 'timestamp':
      return '"' + formatHiveTimestamp(value as bigint) + '"';
    case 'decimal':
      return formatDecimal(value, undefined);
    case 'binary':
      return bytesToText(value);
    default:
      return formatCommon(value, type);
  }
}

/** Formatting shared by both levels: numbers, booleans and the complex types. */
function formatCommon(value: unknown, type: DataType): string {
  switch (type.kind) {
    case 'boolean':
      return value === true ? 'true' : 'false';
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return String(value);
    case 'float':
      return formatJavaFloat(value as number);
    case 'double':
      return formatJavaDouble(value as number);
    case 'void':
      return 'null';
    case 'array': {
      const arr = value as readonly unknown[];
      let out = '[';
      for (let i = 0; i < arr.length; i++) {
        if (i > 0) out += ',';
        out += formatNested(arr[i], type.element);
      }
      return out + ']';
    }
    case 'map': {
      let out = '{';
      let first = true;
      for (const [k, v] of value as ReadonlyMap<unknown, unknown>) {
        if (!first) out += ',';
        first = false;
        out += formatNested(k, type.key) + ':' + formatNested(v, type.value);
      }
      return out + '}';
    }
    case 'struct': {
      const obj = value as Readonly<Record<string, unknown>>;
      let out = '{';
      const fields = type.fields;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        if (f === undefined) continue;
        if (i > 0) out += ',';
        out += '"' + escapeJsonString(f.name) + '":' + formatNested(obj[f.name], f.type);
      }
      return out + '}';
    }
    default:
      return String(value);
  }
}

function formatTop(value: unknown, type: DataType): string {
  if (value == null) return 'NULL';
  switch (type.kind) {
    case 'string':
    case 'varchar':
      return value as string;
    case 'char':
      return padChar(value as string, type.length);
    case 'date':
      return formatHiveDate(value as number);
    case 'timestamp':
      return formatHiveTimestamp(value as bigint);
    case 'decimal':
      return formatDecimal(value, type.scale);
    case 'binary':
      return bytesToText(value);
    default:
      return formatCommon(value, type);
  }
}

/**
 * Prints one value the way Hive 3.1.3's CLI prints a result cell (`DelimitedJSONSerDe`): NULL as `NULL` at top
 * level and `null` nested; doubles/floats as Java's `toString`; top-level decimals padded to the type's scale,
 * nested ones trimmed; dates `yyyy-MM-dd`; timestamps with trimmed fraction; strings raw at top level and
 * quoted/escaped (`SerDeUtils.escapeString`) inside complex values; binary as its bytes decoded as UTF-8;
 * arrays `[1,2]`, maps `{"k":1}` / `{1:"v"}` (keys quoted only when they are strings, dates or timestamps),
 * structs `{"a":1,"b":"x"}`, all without spaces. CHAR values are padded to their length.
 *
 * Values follow core's representation (bigint as `bigint`, decimal as {@link HiveDecimal}, date as days,
 * timestamp as `bigint` microseconds, binary as `Uint8Array`, map as `Map`, struct as a plain object).
 *
 * @param value - the value, or null/undefined for NULL
 * @param type - its Hive type
 * @param options - {@link FormatValueOptions}
 * @returns the printed cell
 * @example
 * ```ts
 * formatHiveValue(new HiveDecimal('3.14'), decimalType(20, 10)); // '3.1400000000'
 * formatHiveValue([1.5, null], arrayType(HiveTypes.double)); // '[1.5,null]'
 * ```
 */
export function formatHiveValue(value: unknown, type: DataType, options?: FormatValueOptions): string {
  return options?.topLevel === false ? formatNested(value, type) : formatTop(value, type);
}

/**
 * One result row as Hive's CLI prints it: every cell formatted at top level, joined by TAB.
 *
 * @param values - the cells, in column order
 * @param types - the column types, same length as `values`
 * @returns the printed line (without a line terminator)
 * @example
 * ```ts
 * formatRow([1, 'a', null], [HiveTypes.int, HiveTypes.string, HiveTypes.double]); // '1\ta\tNULL'
 * ```
 */
export function formatRow(values: readonly unknown[], types: readonly DataType[]): string {
  let out = '';
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    if (t === undefined) continue;
    if (i > 0) out += '\t';
    out += formatTop(values[i], t);
  }
  return out;
}
