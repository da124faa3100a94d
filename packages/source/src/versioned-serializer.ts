import { HiveBatchError } from '@hive-batch/core';
import type { JsonValue } from './json-value';

/**
 * Turns a value into a JSON-safe form and back. The version is stored next to the data so a later
 * release can still read state written by an older one.
 */
export interface VersionedSerializer<T> {
  /** Version written with every serialized value; positive integer. */
  readonly version: number;
  /** Returns a JSON-safe copy of `value`. */
  serialize(value: T): JsonValue;
  /**
   * Reads a value written with `version`.
   * @throws {HiveBatchError} code `SERDE_ERROR` when the version or shape is not understood.
   */
  deserialize(version: number, data: JsonValue): T;
}

/**
 * A serializer for values that already are JSON-safe (plain split objects). Serialization is a deep copy;
 * deserialization checks the version and copies again, so callers never share mutable state.
 *
 * @param version - Version to write and accept. Defaults to `1`.
 * @returns a {@link VersionedSerializer} for `T`.
 * @example
 * ```ts
 * type RangeSplit = { splitId: string; from: number; to: number };
 * const serializer = createJsonSerializer<RangeSplit>();
 * serializer.deserialize(1, serializer.serialize({ splitId: 'r0', from: 0, to: 10 }));
 * ```
 */
export function createJsonSerializer<T extends JsonValue>(version = 1): VersionedSerializer<T> {
  return {
    version,
    serialize: (value: T): JsonValue => structuredClone(value),
    deserialize: (dataVersion: number, data: JsonValue): T => {
      if (dataVersion !== version) {
        throw new HiveBatchError(
          'SERDE_ERROR',
          `Cannot read serialized version ${dataVersion}; this serializer reads version ${version}`,
        );
      }
      // The caller declared T as a JSON shape; the data came from `serialize` of the same version.
      return structuredClone(data) as T;
    },
  };
}
