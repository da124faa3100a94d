import type { AggregateFunctionDefinition } from '../contract';
import { createVarianceUdafEvaluator } from '../internal/variance-evaluators';
import { pairFiltered } from '../internal/pair-filtered';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** regr_sxx(y,x) - auxiliary analytic function */
export const regrSxx: AggregateFunctionDefinition = definePairFunction({
  name: 'regr_sxx',
  description: 'regr_sxx(y,x) - auxiliary analytic function',
  typeMessage: NUMERIC_ONLY,
  create: (types) => pairFiltered(createVarianceUdafEvaluator(types[1], 'm2'), types, 1),
});
