import {
  createColumnBuilder,
  createHiveDecimal,
  enforceDecimalType,
  formatDataType,
  getValue,
  HiveBatchError,
  isValueOfType,
  parseDataType,
} from '@hive-batch/core';
import type { Column, DataType, HiveDecimalValue } from '@hive-batch/core';

function containsDecimal(t: DataType): boolean {
  switch (t.kind) {
    case 'decimal':
      return true;
    case 'array':
      return containsDecimal(t.element);
    case 'map':
      return containsDecimal(t.key) || containsDecimal(t.value);
    case 'struct':
      return t.fields.some((f) => containsDecimal(f.type));
    default:
      return false;
  }
}

/**
 * Parses a Hive type name a plugin declared and checks it can cross a realm boundary: every core value is
 * structured-cloneable except decimals, which cross as strings and are supported only at the top level.
 * @throws {HiveBatchError} `PLUGIN_API_MISMATCH` (unparsable), `UNSUPPORTED_TYPE` (decimal inside a complex type)
 */
export function parsePluginType(text: string, where: string): DataType {
  let type: DataType;
  try {
    type = parseDataType(text);
  } catch (error) {
    throw new HiveBatchError('PLUGIN_API_MISMATCH', `${where}: \`${text}\` is not a Hive type`, {
      cause: error,
    });
  }
  if (type.kind !== 'decimal' && containsDecimal(type)) {
    throw new HiveBatchError(
      'UNSUPPORTED_TYPE',
      `${where}: decimals inside ${formatDataType(type)} cannot cross to a plugin`,
    );
  }
  return type;
}

/** Column → plain values a plugin sees (decimals as plain-notation strings). */
export function columnToWire(column: Column, type: DataType, numRows: number): unknown[] {
  const out = new Array<unknown>(numRows);
  for (let i = 0; i < numRows; i++) {
    const v = getValue(column, i);
    out[i] = type.kind === 'decimal' && v != null ? (v as HiveDecimalValue).toFixed() : v;
  }
  return out;
}

/**
 * A value a plugin returned → core value of `type`.
 * @throws {HiveBatchError} `FUNCTION_CALL_FAILED` when it is not a value of the declared type
 */
export function valueFromWire(v: unknown, type: DataType, fn: string): unknown {
  if (v == null) return null;
  if (type.kind === 'decimal') {
    const d =
      typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint'
        ? createHiveDecimal(String(v))
        : null;
    if (d == null) throw badValue(v, type, fn);
    return enforceDecimalType(d, type.precision, type.scale);
  }
  if (!isValueOfType(v, type)) throw badValue(v, type, fn);
  return v;
}

function badValue(v: unknown, type: DataType, fn: string): HiveBatchError {
  const shown = typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? JSON.stringify(v) : String(v);
  return new HiveBatchError(
    'FUNCTION_CALL_FAILED',
    `Function ${fn} returned ${shown.slice(0, 80)}, not a value of its declared type ${formatDataType(type)}`,
  );
}

/** Plugin results → a column of `type`, checking every value. */
export function columnFromWire(values: readonly unknown[], type: DataType, fn: string): Column {
  const builder = createColumnBuilder(type, { initialCapacity: Math.max(1, values.length) });
  for (const v of values) builder.append(valueFromWire(v, type, fn));
  return builder.finish();
}
