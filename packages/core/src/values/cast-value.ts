import { HiveBatchError, InternalError } from '../errors/hive-batch-error';
import { formatJavaDouble, formatJavaFloat } from '../printing/java-double';
import type { DataType, DecimalType } from '../types/data-type';
import { dataTypeEquals } from '../types/data-type-equals';
import { formatDataType } from '../types/format-data-type';
import {
  formatDate,
  formatTimestamp,
  javaTrim,
  timestampToDays,
  tryParseDate,
  tryParseTimestamp,
} from './date-time';
import { createHiveDecimal, enforceDecimalType, fitToMaxPrecision } from './enforce-decimal-type';
import type { HiveDecimalValue } from './hive-decimal';
import { HiveDecimal } from './hive-decimal';
import type { HiveValue } from './hive-value';
import { parseJavaDouble } from './parse-java-double';

const MICROS_PER_DAY = 86_400_000_000n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_BITS = { tinyint: 8, smallint: 16, int: 32, bigint: 64 } as const;
type IntegralKind = keyof typeof INT_BITS;

/**
 * `CAST(value AS to)` for a value of type `from`, with Hive 3.1.3's semantics (UDFToByte/Short/Integer/Long,
 * UDFToFloat/Double, GenericUDFToDecimal, UDFToBoolean, UDFToString, GenericUDFToVarchar/Char, GenericUDFToDate,
 * GenericUDFTimestamp, GenericUDFToBinary). NULL in gives NULL out; a value Hive cannot convert gives NULL.
 *
 * - string → integral: trimmed, optional sign, digits, an optional `.digits` tail that is truncated
 *   (`LazyLong.parseLong`: `'1.9'` → 1); anything else or out of the target's range → NULL.
 * - integral → narrower integral: wraps like Java `(byte)`/`(short)`/`(int)`.
 * - float/double → integral: Java rules: `(long)d` and `(int)d` saturate, NaN → 0; tinyint/smallint are
 *   `(byte)(int)d` / `(short)(int)d`.
 * - decimal → integral: truncated toward zero; NULL when it does not fit the target (`HiveDecimalWritable.isInt` …).
 * - timestamp → integral: whole seconds since the epoch (floor), then narrowed; → double: seconds with fraction.
 * - string → float/double: Java `Double.parseDouble` (whitespace, `NaN`, `Infinity`, `d`/`f` suffixes, hex); else NULL.
 * - → decimal(p,s): float/double through their Java `toString` digits (NaN/Infinity → NULL), strings through
 *   `HiveDecimal.create`, then HALF_UP to s; NULL when the integer part needs more than p − s digits.
 * - → boolean: numbers ≠ 0; string: non-empty → true, empty → false; timestamp ≠ epoch; date → NULL.
 * - → string: integers plain, float/double as Java prints them, decimal padded to its scale, boolean
 *   `TRUE`/`FALSE` (UDFToString's constants), date `yyyy-MM-dd`, timestamp `yyyy-MM-dd HH:mm:ss[.f]`,
 *   binary decoded as UTF-8, char without its padding. varchar(n) truncates to n code points, char(n) also pads.
 * - → date: string per `tryParseDate`, timestamp floor to the day. → timestamp: string per `tryParseTimestamp`,
 *   date at midnight, boolean/integral as **milliseconds** (hive.int.timestamp.conversion.in.seconds = false),
 *   float/double/decimal as seconds (truncated to microseconds).
 * - → binary: string as UTF-8 bytes. Complex types cast only to an equal type (the value is returned).
 *
 * @param value - a valid value of `from` (see {@link HiveValue}), or `null`
 * @param from - the source type
 * @param to - the target type
 * @returns the converted value or `null`
 * @throws {HiveBatchError} code `CAST_ERROR` for a cast Hive rejects at compile time (e.g. date → binary,
 *   array → string)
 * @example
 * ```ts
 * castValue('1.9', HiveTypes.string, HiveTypes.int); // 1
 * castValue(300, HiveTypes.int, HiveTypes.tinyint); // 44
 * castValue(new HiveDecimal('123.456'), decimalType(6, 3), decimalType(5, 2)); // 123.46
 * ```
 */
export function castValue(value: HiveValue, from: DataType, to: DataType): HiveValue {
  if (value == null || from.kind === 'void') return null;
  switch (to.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return toIntegral(value, from, to.kind);
    case 'float': {
      const d = toDouble(value, from, to);
      return d == null ? null : Math.fround(d);
    }
    case 'double':
      return toDouble(value, from, to);
    case 'decimal':
      return toDecimal(value, from, to);
    case 'boolean':
      return toBoolean(value, from, to);
    case 'string':
      return toText(value, from, to);
    case 'varchar': {
      const s = toText(value, from, to);
      return s == null ? null : truncateCodePoints(s, to.length);
    }
    case 'char': {
      const s = toText(value, from, to);
      return s == null ? null : padCodePoints(truncateCodePoints(s, to.length), to.length);
    }
    case 'date':
      return toDate(value, from, to);
    case 'timestamp':
      return toTimestamp(value, from, to);
    case 'binary':
      if (from.kind === 'binary') return value;
      if (isText(from)) return new TextEncoder().encode(asString(value));
      return unsupported(from, to);
    case 'void':
      return null;
    default:
      if (dataTypeEquals(from, to)) return value;
      return unsupported(from, to);
  }
}

function unsupported(from: DataType, to: DataType): never {
  throw new HiveBatchError('CAST_ERROR', `Cannot cast ${formatDataType(from)} to ${formatDataType(to)}`);
}

const isText = (t: DataType): boolean => t.kind === 'string' || t.kind === 'varchar' || t.kind === 'char';

function asNumber(v: HiveValue): number {
  if (typeof v !== 'number') throw new InternalError(`Expected a number, got ${typeof v}`);
  return v;
}
function asBigint(v: HiveValue): bigint {
  if (typeof v !== 'bigint') throw new InternalError(`Expected a bigint, got ${typeof v}`);
  return v;
}
function asString(v: HiveValue): string {
  if (typeof v !== 'string') throw new InternalError(`Expected a string, got ${typeof v}`);
  return v;
}
function asDecimal(v: HiveValue): HiveDecimalValue {
  if (!HiveDecimal.isDecimal(v)) throw new InternalError('Expected a HiveDecimal');
  return v;
}
function asBoolean(v: HiveValue): boolean {
  if (typeof v !== 'boolean') throw new InternalError(`Expected a boolean, got ${typeof v}`);
  return v;
}

// Java narrowing of a long to the target width; the result is a number except for bigint.
function narrow(v: bigint, kind: IntegralKind): number | bigint {
  const r = BigInt.asIntN(INT_BITS[kind], v);
  return kind === 'bigint' ? r : Number(r);
}

// Java `(int) d` and `(long) d`: truncate toward zero, saturate, NaN → 0.
function javaDoubleToInt(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= 2147483647) return 2147483647;
  if (d <= -2147483648) return -2147483648;
  return Math.trunc(d);
}
function javaDoubleToLong(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  if (d >= 2 ** 63) return LONG_MAX;
  if (d <= -(2 ** 63)) return LONG_MIN;
  return BigInt(Math.trunc(d));
}

const RANGE: Record<IntegralKind, readonly [bigint, bigint]> = {
  tinyint: [-128n, 127n],
  smallint: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  bigint: [LONG_MIN, LONG_MAX],
};

function toIntegral(v: HiveValue, from: DataType, kind: IntegralKind): HiveValue {
  switch (from.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
      return narrow(BigInt(asNumber(v)), kind);
    case 'bigint':
      return narrow(asBigint(v), kind);
    case 'boolean':
      return narrow(asBoolean(v) ? 1n : 0n, kind);
    case 'float':
    case 'double': {
      const d = asNumber(v);
      if (kind === 'bigint') return javaDoubleToLong(d);
      return narrow(BigInt(javaDoubleToInt(d)), kind);
    }
    case 'decimal': {
      const t = BigInt(asDecimal(v).trunc().toFixed(0));
      const [min, max] = RANGE[kind];
      return t < min || t > max ? null : narrow(t, kind);
    }
    case 'string':
    case 'varchar':
    case 'char': {
      const t = parseLazyLong(asString(v));
      if (t == null) return null;
      const [min, max] = RANGE[kind];
      return t < min || t > max ? null : narrow(t, kind);
    }
    case 'timestamp':
      return narrow(floorDiv(asBigint(v), 1_000_000n), kind);
    case 'date':
      return null;
    default:
      return unsupported(from, { kind });
  }
}

/**
 * Hive's `LazyLong.parseLong(bytes, trim = true)`: trimmed, optional sign, at least one character after it,
 * decimal digits, then optionally `.` followed only by digits (the fraction is dropped). `null` when malformed
 * or outside the signed 64-bit range.
 */
export function parseLazyLong(text: string): bigint | null {
  const s = javaTrim(text);
  if (s.length === 0) return null;
  let i = 0;
  const negative = s.charAt(0) === '-';
  if (negative || s.charAt(0) === '+') {
    i = 1;
    if (s.length === 1) return null;
  }
  let digitsEnd = i;
  while (digitsEnd < s.length && isDigit(s.charCodeAt(digitsEnd))) digitsEnd++;
  if (digitsEnd < s.length) {
    if (s.charAt(digitsEnd) !== '.') return null;
    for (let j = digitsEnd + 1; j < s.length; j++) if (!isDigit(s.charCodeAt(j))) return null;
  }
  const digits = s.slice(i, digitsEnd);
  const r = digits === '' ? 0n : BigInt(digits);
  const signed = negative ? -r : r;
  return signed < LONG_MIN || signed > LONG_MAX ? null : signed;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function toDouble(v: HiveValue, from: DataType, to: DataType): number | null {
  switch (from.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'float':
    case 'double':
      return asNumber(v);
    case 'bigint':
      return Number(asBigint(v));
    case 'decimal':
      return asDecimal(v).toNumber();
    case 'boolean':
      return asBoolean(v) ? 1 : 0;
    case 'string':
    case 'varchar':
    case 'char':
      return parseJavaDouble(asString(v));
    case 'timestamp': {
      const us = asBigint(v);
      const sec = floorDiv(us, 1_000_000n);
      const nanos = Number(us - sec * 1_000_000n) * 1000;
      return Number(sec) + nanos / 1e9;
    }
    case 'date':
      return null;
    default:
      return unsupported(from, to);
  }
}

function toDecimal(v: HiveValue, from: DataType, to: DecimalType): HiveValue {
  let d: HiveDecimalValue | null;
  switch (from.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
      d = new HiveDecimal(asNumber(v));
      break;
    case 'bigint':
      d = new HiveDecimal(asBigint(v).toString());
      break;
    case 'float':
    case 'double': {
      const x = asNumber(v);
      if (!Number.isFinite(x)) return null;
      // HiveDecimal.create(double/float) goes through Double/Float.toString digits.
      d = new HiveDecimal(from.kind === 'float' ? formatJavaFloat(x) : formatJavaDouble(x));
      d = fitToMaxPrecision(d);
      break;
    }
    case 'decimal':
      d = asDecimal(v);
      break;
    case 'boolean':
      d = new HiveDecimal(asBoolean(v) ? 1 : 0);
      break;
    case 'string':
    case 'varchar':
    case 'char':
      d = createHiveDecimal(asString(v));
      break;
    case 'timestamp':
      d = new HiveDecimal(asBigint(v).toString()).div(1_000_000);
      break;
    case 'date':
      return null;
    default:
      return unsupported(from, to);
  }
  return d == null ? null : enforceDecimalType(d, to.precision, to.scale);
}

function toBoolean(v: HiveValue, from: DataType, to: DataType): HiveValue {
  switch (from.kind) {
    case 'boolean':
      return v;
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'float':
    case 'double':
      return asNumber(v) !== 0;
    case 'bigint':
    case 'timestamp':
      return asBigint(v) !== 0n;
    case 'decimal':
      return !asDecimal(v).isZero();
    case 'string':
    case 'varchar':
    case 'char':
      return asString(v).length !== 0;
    case 'date':
      return null;
    default:
      return unsupported(from, to);
  }
}

function toText(v: HiveValue, from: DataType, to: DataType): string | null {
  switch (from.kind) {
    case 'string':
    case 'varchar':
      return asString(v);
    case 'char':
      // HiveChar's stripped value: the padding is not part of the string.
      return asString(v).replace(/ +$/, '');
    case 'tinyint':
    case 'smallint':
    case 'int':
      return String(asNumber(v));
    case 'bigint':
      return asBigint(v).toString();
    case 'float':
      return formatJavaFloat(asNumber(v));
    case 'double':
      return formatJavaDouble(asNumber(v));
    case 'decimal':
      return asDecimal(v).toFixed(from.scale);
    case 'boolean':
      return asBoolean(v) ? 'TRUE' : 'FALSE';
    case 'date':
      return formatDate(asNumber(v));
    case 'timestamp':
      return formatTimestamp(asBigint(v));
    case 'binary':
      if (!(v instanceof Uint8Array)) throw new InternalError('Expected a Uint8Array');
      return new TextDecoder().decode(v);
    default:
      return unsupported(from, to);
  }
}

function truncateCodePoints(s: string, n: number): string {
  if (s.length <= n) return s;
  let out = '';
  let count = 0;
  for (const cp of s) {
    if (count === n) break;
    out += cp;
    count++;
  }
  return out;
}

function padCodePoints(s: string, n: number): string {
  let count = 0;
  for (const _ of s) count++;
  return count >= n ? s : s + ' '.repeat(n - count);
}

function toDate(v: HiveValue, from: DataType, to: DataType): HiveValue {
  switch (from.kind) {
    case 'date':
      return v;
    case 'timestamp':
      return timestampToDays(asBigint(v));
    case 'string':
    case 'varchar':
    case 'char':
      return tryParseDate(asString(v));
    default:
      return unsupported(from, to);
  }
}

function toTimestamp(v: HiveValue, from: DataType, to: DataType): HiveValue {
  switch (from.kind) {
    case 'timestamp':
      return v;
    case 'date':
      return BigInt(asNumber(v)) * MICROS_PER_DAY;
    case 'string':
    case 'varchar':
    case 'char':
      return tryParseTimestamp(asString(v));
    case 'tinyint':
    case 'smallint':
    case 'int':
      return BigInt(asNumber(v)) * 1000n;
    case 'bigint': {
      // Hive's LocalDateTime reaches further than 64-bit microseconds; those instants are NULL here.
      const us = asBigint(v) * 1000n;
      return us < LONG_MIN || us > LONG_MAX ? null : us;
    }
    case 'boolean':
      // hive.int.timestamp.conversion.in.seconds = false: booleans count as 1 / 0 milliseconds too.
      return asBoolean(v) ? 1000n : 0n;
    case 'float':
    case 'double': {
      const x = asNumber(v);
      if (!Number.isFinite(x)) return null;
      return secondsToMicros(
        new HiveDecimal(from.kind === 'float' ? formatJavaFloat(x) : formatJavaDouble(x)),
      );
    }
    case 'decimal':
      return secondsToMicros(asDecimal(v));
    default:
      return unsupported(from, to);
  }
}

// TimestampUtils.decimalToTimestamp: nanoseconds truncated toward zero, then (here) floored to microseconds.
function secondsToMicros(seconds: HiveDecimalValue): bigint | null {
  const nanos = BigInt(seconds.times(1e9).trunc().toFixed(0));
  const micros = floorDiv(nanos, 1000n);
  return micros < LONG_MIN || micros > LONG_MAX ? null : micros;
}
