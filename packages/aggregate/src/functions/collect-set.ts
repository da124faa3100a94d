import type { AggregateFunctionDefinition } from '../contract';
import { mkCollectionDefinition } from '../internal/collection';

/**
 * `collect_set(x)`: the distinct non-NULL values of `x` as `array<T>`, in first-insertion order (Hive's
 * LinkedHashSet); `[]` for an empty or all-NULL group, never NULL. Accepts primitives, arrays, maps and structs.
 * Across partials the order is the merge order, as in Hive.
 */
export const collectSet: AggregateFunctionDefinition = mkCollectionDefinition({
  name: 'collect_set',
  description: 'collect_set(x) - Returns a set of objects with duplicate elements eliminated',
  dedup: true,
});
