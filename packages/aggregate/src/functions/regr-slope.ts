import type { AggregateFunctionDefinition } from '../contract';
import { createCorrelationEvaluator } from '../internal/pair-evaluators';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** regr_slope(y,x) - returns the slope of the linear regression line */
export const regrSlope: AggregateFunctionDefinition = definePairFunction({
  name: 'regr_slope',
  description: 'regr_slope(y,x) - returns the slope of the linear regression line',
  typeMessage: NUMERIC_ONLY,
  create: (types) => createCorrelationEvaluator(types, 'regr_slope'),
});
