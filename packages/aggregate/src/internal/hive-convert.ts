import { formatDataType, HiveBatchError, HiveDecimal, parseJavaDouble } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';

/** Hive's `TypeInfo.getTypeName()` spelling, used in error messages. */
export function hiveTypeName(t: DataType): string {
  return formatDataType(t);
}

/** `INVALID_FUNCTION_ARGUMENTS` with Hive's wording. */
export function invalidArguments(message: string): HiveBatchError {
  return new HiveBatchError('INVALID_FUNCTION_ARGUMENTS', message);
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
