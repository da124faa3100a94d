import { HiveBatchError } from '@hive-batch/core';
import type { JsonValue, VersionedSerializer } from '@hive-batch/source';

/** A serializer for plain JSON-shaped interfaces that TypeScript cannot prove are `JsonValue`. */
export function plainSerializer<T>(version = 1): VersionedSerializer<T> {
  return {
    version,
    // The value is plain data (strings, numbers, arrays, objects) by construction of T.
    serialize: (value: T): JsonValue => structuredClone(value) as unknown as JsonValue,
    deserialize: (dataVersion: number, data: JsonValue): T => {
      if (dataVersion !== version) {
        throw new HiveBatchError(
          'SERDE_ERROR',
          `Cannot read serialized version ${dataVersion}; expected ${version}`,
        );
      }
      return structuredClone(data) as unknown as T;
    },
  };
}
