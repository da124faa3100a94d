import type { AggregateFunctionDefinition } from '../contract';
import { invalidArguments } from '../internal/hive-convert';
import { createSumEvaluator } from '../internal/sum-evaluators';
import { checkSumArgument } from '../internal/numeric-arguments';
import { withDistinct } from '../with-distinct';

/**
 * `sum(x)` (GenericUDAFSum): int family → bigint (wraps silently like Java long), float/double/string/char/
 * varchar/timestamp → double (unparseable strings add nothing but make the sum non-NULL: 0.0),
 * decimal(p,s) → decimal(min(38,p+10),s) (exact, NULL on overflow). NULLs are skipped; empty → NULL.
 * @example
 * ```ts
 * aggregateRows(resolveAggregate(sum, { argumentTypes: [HiveTypes.int] }), [[1], [2], [null]], 'complete'); // 3n
 * ```
 */
export const sum: AggregateFunctionDefinition = {
  name: 'sum',
  aliases: [],
  description: 'sum(x) - Returns the sum of a set of numbers',
  resolve(call) {
    // Hive checks the arity before `*`, so sum(*) reports the arity.
    if (call.star || call.argumentTypes.length !== 1)
      throw invalidArguments('Exactly one argument is expected.');
    const t = checkSumArgument(call.argumentTypes[0]);
    const ev = createSumEvaluator(t, { emptyIsZero: false });
    return call.distinct ? withDistinct(ev) : ev;
  },
};
