import type { AggregateFunctionDefinition } from '../contract';
import { checkMinMaxCall, createMinMaxEvaluator } from '../internal/min-max-evaluators';
import { withDistinct } from '../with-distinct';

/**
 * `max(x)`: any primitive, struct or array (not map); result type = input type. Hive's row-mode ordering:
 * NaN greatest, -0.0 equal to 0.0 (first seen wins), strings by UTF-8 bytes, structs field by field then arity,
 * arrays element-wise then length. NULLs skipped; empty → NULL.
 * @example
 * ```ts
 * aggregateRows(resolveAggregate(max, { argumentTypes: [HiveTypes.double] }), [[NaN], [1]], 'complete'); // NaN
 * ```
 */
export const max: AggregateFunctionDefinition = {
  name: 'max',
  aliases: [],
  description: 'max(expr) - Returns the maximum value of expr',
  resolve(call) {
    const ev = createMinMaxEvaluator(checkMinMaxCall(call), true);
    return call.distinct ? withDistinct(ev) : ev;
  },
};
