import type { AggregateFunctionDefinition } from '../contract';
import {
  createAvgCboEvaluator,
  createAvgDecimalEvaluator,
  createAvgDoubleEvaluator,
} from '../internal/avg-evaluators';
import { invalidArguments } from '../internal/hive-convert';
import { rejectStar } from '../internal/evaluator-kit';
import { checkSumArgument } from '../internal/numeric-arguments';
import { withDistinct } from '../with-distinct';

/**
 * `avg(x)`: numeric/string/timestamp → double; decimal(p,s) → decimal(ip + min(s+4, 38−ip), min(s+4, 38−ip)),
 * ip = p − s (UDAF path; with CBO the decimal result has the division's type, e.g. decimal(38,18) for
 * decimal(20,10), as Hive 3.1.3 prints). With `cboEnabled` (default) it computes Hive 3's rewrite SUM(x)/COUNT(x) (so
 * avg over unparseable strings is 0.0 and int sums wrap as bigint); without it, GenericUDAFAverage's UDAF
 * (unparseable strings are skipped, sums in double). Empty → NULL.
 * @example
 * ```ts
 * aggregateRows(resolveAggregate(avg, { argumentTypes: [HiveTypes.int] }), [[1], [2]], 'complete'); // 1.5
 * ```
 */
export const avg: AggregateFunctionDefinition = {
  name: 'avg',
  aliases: [],
  description: 'avg(x) - Returns the mean of a set of numbers',
  resolve(call, options) {
    rejectStar(call);
    if (call.argumentTypes.length !== 1) throw invalidArguments('Exactly one argument is expected.');
    const t = checkSumArgument(call.argumentTypes[0]);
    const cbo = options.cboEnabled ?? true;
    const ev = cbo
      ? createAvgCboEvaluator(t)
      : t.kind === 'decimal'
        ? createAvgDecimalEvaluator(t)
        : createAvgDoubleEvaluator(t);
    return call.distinct ? withDistinct(ev) : ev;
  },
};
