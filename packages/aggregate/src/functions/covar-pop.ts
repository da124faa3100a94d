import type { AggregateFunctionDefinition } from '../contract';
import { createCovarianceEvaluator } from '../internal/pair-evaluators';
import { definePairFunction, NUMERIC_OR_STRING } from '../internal/regr-definition';
/** covar_pop(x,y) - Returns the population covariance of a set of number pairs */
export const covarPop: AggregateFunctionDefinition = definePairFunction({
  name: 'covar_pop',
  description: 'covar_pop(x,y) - Returns the population covariance of a set of number pairs',
  typeMessage: NUMERIC_OR_STRING,
  create: (types) => createCovarianceEvaluator(types, 'covar_pop'),
});
