import { HiveBatchError, HiveTypes, castValue, type Field } from '@hive-batch/core';

/**
 * Runtime partition values a join's build side allows (dynamic partition pruning): rows over `keys` (a subset of
 * the partition keys, any order). Values compare after conversion to the key type, so `'01'` matches `1` for
 * an INT key. `null` matches Hive's default partition.
 */
export interface DynamicPartitionFilter {
  readonly keys: readonly string[];
  readonly values: readonly (readonly (string | number | bigint | boolean | null)[])[];
}

/** A compiled {@link DynamicPartitionFilter}: `accepts(rawValues)` over all partition keys in key order. */
export interface CompiledDynamicFilter {
  accepts(values: readonly (string | null)[]): boolean;
}

function canonical(v: unknown): string {
  if (v == null) return '\u0000null';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
    return `${typeof v}:${String(v)}`;
  }
  return (v as { toString(): string }).toString(); // HiveDecimal prints exactly
}

/** @throws {HiveBatchError} `COLUMN_NOT_FOUND` for a key that is not a partition key */
export function compileDynamicFilter(
  filter: DynamicPartitionFilter,
  partitionKeys: readonly Field[],
): CompiledDynamicFilter {
  const idx = filter.keys.map((k) => {
    const i = partitionKeys.findIndex((p) => p.name.toLowerCase() === k.toLowerCase());
    if (i < 0) throw new HiveBatchError('COLUMN_NOT_FOUND', `${k} is not a partition column`);
    return i;
  });
  const typeOf = (i: number): Field['type'] => partitionKeys[i]?.type ?? HiveTypes.string;
  const convert = (v: unknown, i: number): unknown => {
    if (v == null) return null;
    const from =
      typeof v === 'string'
        ? HiveTypes.string
        : typeof v === 'bigint'
          ? HiveTypes.bigint
          : typeof v === 'boolean'
            ? HiveTypes.boolean
            : Number.isInteger(v)
              ? HiveTypes.bigint
              : HiveTypes.double;
    const value = from.kind === 'bigint' && typeof v === 'number' ? BigInt(v) : v;
    return castValue(value as string, from, typeOf(i));
  };
  const allowed = new Set(
    filter.values.map((row) => idx.map((i, k) => canonical(convert(row[k] ?? null, i))).join('\u0001')),
  );
  return {
    accepts(values) {
      return allowed.has(idx.map((i) => canonical(convert(values[i] ?? null, i))).join('\u0001'));
    },
  };
}
