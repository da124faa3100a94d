import type { AggregateFunctionDefinition } from '../contract';
import { createCorrelationEvaluator } from '../internal/pair-evaluators';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** regr_sxy(y,x) - auxiliary analytic function */
export const regrSxy: AggregateFunctionDefinition = definePairFunction({
  name: 'regr_sxy',
  description: 'regr_sxy(y,x) - auxiliary analytic function',
  typeMessage: NUMERIC_ONLY,
  create: (types) => createCorrelationEvaluator(types, 'regr_sxy'),
});
