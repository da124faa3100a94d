import { formatDataType, HiveBatchError, HiveDecimal } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';

/** Hive's `TypeInfo.getTypeName()` spelling, used in error messages. */
export function hiveTypeName(t: DataType): string {
  return formatDataType(t);
}

/** `INVALID_FUNCTION_ARGUMENTS` with Hive's wording. */
export function invalidArguments(message: string): HiveBatchError {
  return new HiveBatchError('INVALID_FUNCTION_ARGUMENTS', message);
}

// Java's String.trim() removes every char ≤ U+0020 from both ends.
function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

const DECIMAL_FLOAT = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/;

/**
 * Java's `Double.parseDouble`: surrounding chars ≤ U+0020 ignored, `NaN`/`Infinity`, decimal with optional
 * exponent, an optional `f`/`d` suffix, hexadecimal floats with a binary exponent. `null` where Java throws
 * NumberFormatException.
 */
export function parseJavaDouble(text: string): number | null {
  const s = javaTrim(text);
  if (DECIMAL_FLOAT.test(s)) {
    const body = /[fFdD]$/.test(s) ? s.slice(0, -1) : s;
    return Number(body);
  }
  const m = HEX_FLOAT.exec(s);
  if (m == null) return null;
  const intHex = m[2] ?? '';
  const fracHex = m[3] ?? '';
  if (intHex === '' && fracHex === '') return null;
  // Exact mantissa as bigint, then one correctly rounded scaling (values in range round like Java).
  const mant = BigInt(`0x${intHex}${fracHex}` === '0x' ? '0' : `0x${intHex}${fracHex}`);
  const exp = Number(m[4]) - 4 * fracHex.length;
  const v = scaleByPowerOfTwo(mant, exp);
  return m[1] === '-' ? -v : v;
}

function scaleByPowerOfTwo(mant: bigint, exp: number): number {
  if (mant === 0n) return 0;
  // Reduce the mantissa to 64 significant bits with a sticky bit so the final Number() rounding is exact.
  let m = mant;
  let e = exp;
  const bits = m.toString(2).length;
  if (bits > 64) {
    const drop = bits - 64;
    const sticky = (m & ((1n << BigInt(drop)) - 1n)) !== 0n ? 1n : 0n;
    m = (m >> BigInt(drop)) | sticky;
    e += drop;
  }
  // Number(m) rounds once to 53 bits; the multiplications by powers of two below are exact unless the
  // result is subnormal, where Java rounds once too (rare; accepted).
  let v = Number(m);
  while (e > 0) {
    const step = Math.min(e, 1000);
    v *= 2 ** step;
    e -= step;
  }
  while (e < 0) {
    const step = Math.min(-e, 1000);
    v /= 2 ** step;
    e += step;
  }
  return v;
}

/** Reads one non-NULL value of a type as Java double (PrimitiveObjectInspectorUtils.getDouble); `null` = unparseable. */
export type DoubleReader = (v: unknown) => number | null;

function timestampSeconds(micros: bigint): number {
  // TimestampWritable.getDouble: whole seconds plus nanos / 1e9, in double.
  let seconds = micros / 1_000_000n;
  let rem = micros % 1_000_000n;
  if (rem < 0n) {
    rem += 1_000_000n;
    seconds -= 1n;
  }
  return Number(seconds) + Number(rem * 1000n) / 1_000_000_000;
}

/** The getDouble conversion for an input type, chosen once per call site. */
export function doubleReaderFor(t: DataType): DoubleReader {
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'double':
      return (v) => v as number;
    case 'float':
      // Floats widen exactly; fround guards against callers passing a double for a float column.
      return (v) => Math.fround(v as number);
    case 'bigint':
      return (v) => Number(v);
    case 'decimal':
      return (v) => (HiveDecimal.isDecimal(v) ? v.toNumber() : Number(v));
    case 'string':
    case 'varchar':
    case 'char':
      return (v) => parseJavaDouble(v as string);
    case 'timestamp':
      return (v) => timestampSeconds(typeof v === 'bigint' ? v : BigInt(v as number));
    case 'boolean':
      return (v) => (v === true ? 1 : 0);
    default:
      return () => null;
  }
}

/** getLong for the integer family (used by sum/avg over integers): bigint in, bigint out. */
export function longReaderFor(t: DataType): (v: unknown) => bigint {
  if (t.kind === 'bigint') return (v) => v as bigint;
  return (v) => BigInt(v as number);
}
