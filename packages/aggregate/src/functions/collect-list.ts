import type { AggregateFunctionDefinition } from '../contract';
import { mkCollectionDefinition } from '../internal/collection';

/**
 * `collect_list(x)`: every non-NULL value of `x` as `array<T>`, in input order (merge order across partials);
 * `[]` for an empty or all-NULL group, never NULL.
 */
export const collectList: AggregateFunctionDefinition = mkCollectionDefinition({
  name: 'collect_list',
  description: 'collect_list(x) - Returns a list of objects with duplicates',
  dedup: false,
});
