import type { AggregateFunctionDefinition } from '../contract';
import { checkMinMaxCall, createMinMaxEvaluator } from '../internal/min-max-evaluators';
import { withDistinct } from '../with-distinct';

/**
 * `min(x)`: any primitive, struct or array (not map); result type = input type. Hive's row-mode ordering:
 * NaN greatest (so min ignores NaN unless all are NaN), -0.0 equal to 0.0 (first seen wins), strings by UTF-8 bytes, structs field by field then arity,
 * arrays element-wise then length. NULLs skipped; empty → NULL.
 * @example
 * ```ts
 * aggregateRows(resolveAggregate(min, { argumentTypes: [HiveTypes.double] }), [[NaN], [1]], 'complete'); // 1
 * ```
 */
export const min: AggregateFunctionDefinition = {
  name: 'min',
  aliases: [],
  description: 'min(expr) - Returns the minimum value of expr',
  resolve(call) {
    const ev = createMinMaxEvaluator(checkMinMaxCall(call), false);
    return call.distinct ? withDistinct(ev) : ev;
  },
};
