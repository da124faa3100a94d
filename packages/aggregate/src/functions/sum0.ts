import type { AggregateFunctionDefinition } from '../contract';
import { invalidArguments } from '../internal/hive-convert';
import { checkSumArgument } from '../internal/numeric-arguments';
import { createSumEvaluator } from '../internal/sum-evaluators';
import { withDistinct } from '../with-distinct';

/**
 * `$sum0(x)` (GenericUDAFSumEmptyIsZero): like `sum` but an empty group gives 0 / 0.0 / decimal 0. Calcite
 * produces it; with CBO Hive runs it as `COALESCE(SUM(x), 0)`, which is also what a decimal overflow gives here.
 * @example
 * ```ts
 * aggregateRows(resolveAggregate(sum0, { argumentTypes: [HiveTypes.int] }), [], 'complete'); // 0n
 * ```
 */
export const sum0: AggregateFunctionDefinition = {
  name: '$sum0',
  aliases: [],
  description: '$sum0(x) - Returns the sum of a set of numbers, zero if empty',
  resolve(call) {
    if (call.star || call.argumentTypes.length !== 1)
      throw invalidArguments('Exactly one argument is expected.');
    const t = checkSumArgument(call.argumentTypes[0]);
    const ev = createSumEvaluator(t, { emptyIsZero: true });
    return call.distinct ? withDistinct(ev) : ev;
  },
};
