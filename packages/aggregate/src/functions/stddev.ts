import type { AggregateFunctionDefinition } from '../contract';
import { defineVarianceFunction } from '../internal/variance-definition';

/**
 * `stddev(x)` = `std(x)` = `stddev_pop(x)`: population standard deviation as double. CBO on (default):
 * POWER(var_pop rewrite, 0.5); off: sqrt of the streaming UDAF. Empty → NULL, one row → 0.0.
 * @example
 * ```ts
 * aggregateRows(resolveAggregate(stddev, { argumentTypes: [HiveTypes.int] }), [[5]], 'complete'); // 0
 * ```
 */
export const stddev: AggregateFunctionDefinition = defineVarianceFunction({
  name: 'stddev',
  aliases: ['std', 'stddev_pop'],
  description: 'stddev(x) - Returns the standard deviation of a set of numbers',
  stat: 'stddev_pop',
});
