import type { AggregateFunctionDefinition } from '../contract';
import { defineVarianceFunction } from '../internal/variance-definition';

/**
 * `variance(x)` = `var_pop(x)`: population variance as double (numeric, string, timestamp, decimal input).
 * CBO on (default): Hive 3's rewrite (Σx² − (Σx)²/n)/n; off: the streaming UDAF. Empty → NULL, one row → 0.0.
 * @example
 * ```ts
 * aggregateRows(resolveAggregate(variance, { argumentTypes: [HiveTypes.int] }), [[1], [2], [3], [4]], 'complete'); // 1.25
 * ```
 */
export const variance: AggregateFunctionDefinition = defineVarianceFunction({
  name: 'variance',
  aliases: ['var_pop'],
  description: 'variance(x) - Returns the variance of a set of numbers',
  stat: 'var_pop',
});
