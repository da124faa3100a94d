import type { AggregateFunctionDefinition } from '../contract';
import { defineVarianceFunction } from '../internal/variance-definition';

/** `var_samp(x)`: sample variance as double; empty or one row → NULL (Hive ≥ 3). * @example
 * ```ts
 * aggregateRows(resolveAggregate(varSamp, { argumentTypes: [HiveTypes.int] }), [[1]], 'complete'); // null
 * ```
 */
export const varSamp: AggregateFunctionDefinition = defineVarianceFunction({
  name: 'var_samp',
  aliases: [],
  description: 'var_samp(x) - Returns the sample variance of a set of numbers',
  stat: 'var_samp',
});
