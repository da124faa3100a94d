import { HiveBatchError, HiveDecimal } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AggregateCallInfo, AccumulatorState } from '../contract';

/** Hive's type name as its error messages print it (`decimal(10,2)`, `array<int>`, `struct<a:int>`). */
export function hiveTypeName(t: DataType): string {
  switch (t.kind) {
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'varchar':
    case 'char':
      return `${t.kind}(${t.length})`;
    case 'array':
      return `array<${hiveTypeName(t.element)}>`;
    case 'map':
      return `map<${hiveTypeName(t.key)},${hiveTypeName(t.value)}>`;
    case 'struct':
      return `struct<${t.fields.map((f) => `${f.name}:${hiveTypeName(f.type)}`).join(',')}>`;
    default:
      return t.kind;
  }
}

/** `INVALID_FUNCTION_ARGUMENTS` with Hive's wording. */
export function argumentError(message: string): HiveBatchError {
  return new HiveBatchError('INVALID_FUNCTION_ARGUMENTS', message);
}

/** Hive's AbstractGenericUDAFResolver check: only `count` accepts `f(*)`. */
export function rejectStar(call: AggregateCallInfo): void {
  if (call.star) throw argumentError('The specified syntax for UDAF invocation is invalid.');
}

/** Side-table entry of `group`, or an `InternalError`-free `undefined` when the group was never initialised. */
export function sideOf<TState>(state: AccumulatorState, group: number): TState {
  return state.side[group] as TState;
}

/** Integer family accepted where Hive expects a bigint-convertible value. */
export function isIntegerKind(t: DataType): boolean {
  return t.kind === 'tinyint' || t.kind === 'smallint' || t.kind === 'int' || t.kind === 'bigint';
}

/** Types Hive's numeric UDAFs (percentile_approx, histogram_numeric) accept for the value argument. */
export function isApproxNumericKind(t: DataType): boolean {
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'float':
    case 'double':
    case 'timestamp':
    case 'decimal':
    case 'void':
      return true;
    default:
      return false;
  }
}

/**
 * Hive's `PrimitiveObjectInspectorUtils.getDouble` for the value representations the engine passes.
 * `timestamp` values (bigint µs since epoch) become fractional seconds like Hive's TimestampWritable.
 */
export function toDouble(v: unknown, type?: DataType): number | null {
  if (v == null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    if (type?.kind !== 'timestamp') return Number(v);
    const seconds = v >= 0n ? v / 1000000n : -((-v + 999999n) / 1000000n);
    const micros = v - seconds * 1000000n;
    return Number(seconds) + (Number(micros) * 1000) / 1000000000;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (HiveDecimal.isDecimal(v)) return v.toNumber();
  throw new HiveBatchError('INVALID_AGGREGATE_STATE', `Expected a numeric value, got ${typeof v}`);
}

/** True for every non-complex type. */
export function isPrimitive(t: DataType): boolean {
  return t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'struct';
}
