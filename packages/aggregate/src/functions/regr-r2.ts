import type { AggregateFunctionDefinition } from '../contract';
import { createCorrelationEvaluator } from '../internal/pair-evaluators';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** regr_r2(y,x) - returns the coefficient of determination (also called R-squared or goodness of fit) for the regression line. */
export const regrR2: AggregateFunctionDefinition = definePairFunction({
  name: 'regr_r2',
  description:
    'regr_r2(y,x) - returns the coefficient of determination (also called R-squared or goodness of fit) for the regression line.',
  typeMessage: NUMERIC_ONLY,
  create: (types) => createCorrelationEvaluator(types, 'regr_r2'),
});
