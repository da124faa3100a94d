import type { AggregateFunctionDefinition } from '../contract';
import { defineVarianceFunction } from '../internal/variance-definition';

/** `stddev_samp(x)`: sample standard deviation as double; empty or one row → NULL (Hive ≥ 3). * @example
 * ```ts
 * aggregateRows(resolveAggregate(stddevSamp, { argumentTypes: [HiveTypes.int] }), [[1], [-1], [0]], 'complete'); // 1
 * ```
 */
export const stddevSamp: AggregateFunctionDefinition = defineVarianceFunction({
  name: 'stddev_samp',
  aliases: [],
  description:
    'stddev_samp(x) - Returns the sample standard deviation of a set of numbers.\n' +
    'If applied to an empty set: NULL is returned.\n' +
    'If applied to a set with a single element: NULL is returned.\n' +
    'Otherwise it computes: sqrt(var_samp(x))',
  stat: 'stddev_samp',
});
