import type { AggregateFunctionDefinition } from '../contract';
import { createCorrelationEvaluator } from '../internal/pair-evaluators';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** regr_intercept(y,x) - returns the y-intercept of the regression line. */
export const regrIntercept: AggregateFunctionDefinition = definePairFunction({
  name: 'regr_intercept',
  description: 'regr_intercept(y,x) - returns the y-intercept of the regression line.',
  typeMessage: NUMERIC_ONLY,
  create: (types) => createCorrelationEvaluator(types, 'regr_intercept'),
});
