import { castValue, dataTypeEquals } from '@hive-batch/core';
import type { DataType, HiveValue } from '@hive-batch/core';

/**
 * Casts a value between types like core's `castValue`, element-wise for arrays, maps and structs (so an
 * `array<void>` constant converts to `array<double>`), and not at all when the types are equal.
 *
 * @throws {HiveBatchError} `CAST_ERROR` for an unsupported cast
 */
export function castValueDeep(value: unknown, from: DataType, to: DataType): unknown {
  if (value == null) return null;
  if (to.kind === 'void' || dataTypeEquals(from, to)) return value;
  if (from.kind === 'array' && to.kind === 'array') {
    return (value as unknown[]).map((x) => castValueDeep(x, from.element, to.element));
  }
  if (from.kind === 'map' && to.kind === 'map') {
    const out = new Map<unknown, unknown>();
    for (const [k, v] of value as Map<unknown, unknown>)
      out.set(castValueDeep(k, from.key, to.key), castValueDeep(v, from.value, to.value));
    return out;
  }
  if (from.kind === 'struct' && to.kind === 'struct' && from.fields.length === to.fields.length) {
    const src = value as Record<string, unknown>;
    return Object.fromEntries(
      to.fields.map((f, i) => {
        const ff = from.fields[i] as { name: string; type: DataType };
        return [f.name, castValueDeep(src[ff.name] ?? null, ff.type, f.type)];
      }),
    );
  }
  return castValue(value as HiveValue, from, to);
}
