import type { AggregateFunctionDefinition } from '../contract';
import { createCorrelationEvaluator } from '../internal/pair-evaluators';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** corr(y,x) - Returns the Pearson coefficient of correlation between a set of number pairs */
export const corr: AggregateFunctionDefinition = definePairFunction({
  name: 'corr',
  description: 'corr(y,x) - Returns the Pearson coefficient of correlation between a set of number pairs',
  typeMessage: NUMERIC_ONLY,
  create: (types) => createCorrelationEvaluator(types, 'corr'),
});
