import type { DataType } from '@hive-batch/core';

/** True when a type is or contains a map (Hive's min/max reject it). */
export function containsMap(t: DataType): boolean {
  switch (t.kind) {
    case 'map':
      return true;
    case 'array':
      return containsMap(t.element);
    case 'struct':
      return t.fields.some((f) => containsMap(f.type));
    default:
      return false;
  }
}
