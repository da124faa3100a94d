import type { AggregateFunctionDefinition } from '../contract';
import { createVarianceUdafEvaluator } from '../internal/variance-evaluators';
import { pairFiltered } from '../internal/pair-filtered';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** regr_syy(y,x) - auxiliary analytic function */
export const regrSyy: AggregateFunctionDefinition = definePairFunction({
  name: 'regr_syy',
  description: 'regr_syy(y,x) - auxiliary analytic function',
  typeMessage: NUMERIC_ONLY,
  create: (types) => pairFiltered(createVarianceUdafEvaluator(types[0], 'm2'), types, 0),
});
