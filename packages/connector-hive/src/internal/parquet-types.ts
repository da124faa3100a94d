import { HiveBatchError, HiveDecimal, type DataType, type HiveDecimalValue } from '@hive-batch/core';

/** A parquet schema element as hyparquet-writer takes it. */
export interface ParquetSchemaElement {
  name: string;
  type?: 'BOOLEAN' | 'INT32' | 'INT64' | 'FLOAT' | 'DOUBLE' | 'BYTE_ARRAY' | 'FIXED_LEN_BYTE_ARRAY';
  type_length?: number;
  repetition_type?: 'OPTIONAL' | 'REQUIRED' | 'REPEATED';
  converted_type?: 'UTF8' | 'INT_8' | 'INT_16' | 'DATE' | 'TIMESTAMP_MICROS' | 'DECIMAL' | 'LIST' | 'MAP';
  precision?: number;
  scale?: number;
  num_children?: number;
}

/** Bytes Hive uses for a DECIMAL(p) FIXED_LEN_BYTE_ARRAY (smallest two's complement width holding 10^p - 1). */
export function decimalByteWidth(precision: number): number {
  let bytes = 1;
  while (2n ** BigInt(8 * bytes - 1) <= 10n ** BigInt(precision) - 1n) bytes++;
  return bytes;
}

/**
 * The parquet schema elements (depth-first) of a Hive column: Hive's mapping for primitives (except TIMESTAMP:
 * INT64 TIMESTAMP_MICROS instead of the legacy INT96; the reader accepts both), the standard 3-level LIST for
 * arrays and maps (`key_value` with a required key), an optional group for structs.
 */
export function parquetElementsOf(name: string, type: DataType): ParquetSchemaElement[] {
  if (type.kind === 'array') {
    return [
      { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      ...parquetElementsOf('element', type.element),
    ];
  }
  if (type.kind === 'map') {
    return [
      { name, repetition_type: 'OPTIONAL', converted_type: 'MAP', num_children: 1 },
      { name: 'key_value', repetition_type: 'REPEATED', num_children: 2 },
      ...parquetElementsOf('key', type.key).map((e, i) =>
        i === 0 ? { ...e, repetition_type: 'REQUIRED' as const } : e,
      ),
      ...parquetElementsOf('value', type.value),
    ];
  }
  if (type.kind === 'struct') {
    return [
      { name, repetition_type: 'OPTIONAL', num_children: type.fields.length },
      ...type.fields.flatMap((f) => parquetElementsOf(f.name, f.type)),
    ];
  }
  return [parquetElementOf(name, type)];
}

/** A Hive value as hyparquet-writer takes it for `type` (decimals as unscaled bigints, nested recursively). */
export function toParquetValue(type: DataType, v: unknown): unknown {
  if (v == null) return null;
  switch (type.kind) {
    case 'decimal':
      return decimalToUnscaled(v as HiveDecimalValue, type.scale);
    case 'array':
      return (v as readonly unknown[]).map((e) => toParquetValue(type.element, e));
    case 'map': {
      const out = new Map<unknown, unknown>();
      for (const [k, val] of v as ReadonlyMap<unknown, unknown>) {
        out.set(toParquetValue(type.key, k), toParquetValue(type.value, val));
      }
      return out;
    }
    case 'struct': {
      const src = v as Readonly<Record<string, unknown>>;
      const out: Record<string, unknown> = {};
      for (const f of type.fields) out[f.name] = toParquetValue(f.type, src[f.name]);
      return out;
    }
    default:
      return v;
  }
}

function parquetElementOf(name: string, type: DataType): ParquetSchemaElement {
  const e = (rest: Omit<ParquetSchemaElement, 'name' | 'repetition_type'>): ParquetSchemaElement => ({
    name,
    repetition_type: 'OPTIONAL',
    ...rest,
  });
  switch (type.kind) {
    case 'boolean':
      return e({ type: 'BOOLEAN' });
    case 'tinyint':
      return e({ type: 'INT32', converted_type: 'INT_8' });
    case 'smallint':
      return e({ type: 'INT32', converted_type: 'INT_16' });
    case 'int':
      return e({ type: 'INT32' });
    case 'bigint':
      return e({ type: 'INT64' });
    case 'float':
      return e({ type: 'FLOAT' });
    case 'double':
      return e({ type: 'DOUBLE' });
    case 'string':
    case 'varchar':
    case 'char':
      return e({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    case 'binary':
      return e({ type: 'BYTE_ARRAY' });
    case 'date':
      return e({ type: 'INT32', converted_type: 'DATE' });
    case 'timestamp':
      return e({ type: 'INT64', converted_type: 'TIMESTAMP_MICROS' });
    case 'decimal':
      return e({
        type: 'FIXED_LEN_BYTE_ARRAY',
        type_length: decimalByteWidth(type.precision),
        converted_type: 'DECIMAL',
        precision: type.precision,
        scale: type.scale,
      });
    default:
      throw new HiveBatchError(
        'UNSUPPORTED_TYPE',
        `Parquet columns of type ${type.kind} are not supported (${name})`,
      );
  }
}

/** Unscaled value of a decimal at `scale` (exact). */
export function decimalToUnscaled(d: HiveDecimalValue, scale: number): bigint {
  return BigInt(d.times(new HiveDecimal(10).pow(scale)).toFixed(0));
}

/** A decimal from an unscaled integer or big-endian two's complement bytes. */
export function decimalFromUnscaled(raw: unknown, scale: number): HiveDecimalValue {
  let unscaled: bigint;
  if (raw instanceof Uint8Array) {
    unscaled = 0n;
    for (const b of raw) unscaled = (unscaled << 8n) | BigInt(b);
    if (raw.length > 0 && ((raw[0] ?? 0) & 0x80) !== 0) unscaled -= 1n << BigInt(8 * raw.length);
  } else if (typeof raw === 'bigint') unscaled = raw;
  else unscaled = BigInt(raw as number);
  return new HiveDecimal(`${unscaled}e-${scale}`);
}
