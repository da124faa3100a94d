import type { AggregateFunctionDefinition } from '../contract';
import { createUdafAvgEvaluator } from '../internal/avg-evaluators';
import { pairFiltered } from '../internal/pair-filtered';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** regr_avgx(y,x) - evaluates the average of the independent variable */
export const regrAvgx: AggregateFunctionDefinition = definePairFunction({
  name: 'regr_avgx',
  description: 'regr_avgx(y,x) - evaluates the average of the independent variable',
  typeMessage: NUMERIC_ONLY,
  create: (types) => pairFiltered(createUdafAvgEvaluator(types[1]), types, 1),
});
