import type { AggregateFunctionDefinition } from '../contract';
import { createUdafAvgEvaluator } from '../internal/avg-evaluators';
import { pairFiltered } from '../internal/pair-filtered';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** regr_avgy(y,x) - evaluates the average of the dependent variable */
export const regrAvgy: AggregateFunctionDefinition = definePairFunction({
  name: 'regr_avgy',
  description: 'regr_avgy(y,x) - evaluates the average of the dependent variable',
  typeMessage: NUMERIC_ONLY,
  create: (types) => pairFiltered(createUdafAvgEvaluator(types[0]), types, 0),
});
