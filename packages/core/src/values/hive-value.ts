import type { HiveDecimalValue } from './hive-decimal';

/**
 * The JavaScript representation of a Hive value (see the README table):
 *
 * | Hive type | JS value |
 * |---|---|
 * | tinyint, smallint, int | `number`, an integer in the type's range |
 * | bigint | `bigint` in the signed 64-bit range |
 * | float | `number` equal to its `Math.fround` (or NaN/±Infinity) |
 * | double | `number` |
 * | decimal(p,s) | a `HiveDecimal` instance with ≤ s fractional digits and ≤ p − s integer digits (never a float) |
 * | string | `string` |
 * | varchar(n) | `string` of at most n code points (longer input is truncated) |
 * | char(n) | `string` of exactly n code points (padded with spaces, Hive's `HiveChar` padded value) |
 * | boolean | `boolean` |
 * | date | `number`: days since 1970-01-01, proleptic Gregorian |
 * | timestamp | `bigint`: microseconds since 1970-01-01T00:00:00, no time zone (Hive's LocalDateTime semantics); Hive keeps nanoseconds, digits beyond microseconds are dropped |
 * | binary | `Uint8Array` |
 * | array<T> | `Array` of T-values |
 * | map<K,V> | `Map` (insertion order), keys non-null |
 * | struct<…> | plain object keyed by the declared field names |
 * | any type, NULL | `null` |
 */
export type HiveValue =
  | null
  | number
  | bigint
  | string
  | boolean
  | HiveDecimalValue
  | Uint8Array
  | readonly HiveValue[]
  | ReadonlyMap<HiveValue, HiveValue>
  | { readonly [field: string]: HiveValue };
