import type { AggregateFunctionDefinition } from '../contract';
import { createCovarianceEvaluator } from '../internal/pair-evaluators';
import { definePairFunction, NUMERIC_OR_STRING } from '../internal/regr-definition';
/** covar_samp(x,y) - Returns the sample covariance of a set of number pairs */
export const covarSamp: AggregateFunctionDefinition = definePairFunction({
  name: 'covar_samp',
  description: 'covar_samp(x,y) - Returns the sample covariance of a set of number pairs',
  typeMessage: NUMERIC_OR_STRING,
  create: (types) => createCovarianceEvaluator(types, 'covar_samp'),
});
