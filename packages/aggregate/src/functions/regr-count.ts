import type { AggregateFunctionDefinition } from '../contract';
import { count } from './count';
import { resolveAggregate } from '../run-aggregate';
import { pairFiltered } from '../internal/pair-filtered';
import { definePairFunction, NUMERIC_ONLY } from '../internal/regr-definition';
/** regr_count(y,x) - returns the number of non-null pairs */
export const regrCount: AggregateFunctionDefinition = definePairFunction({
  name: 'regr_count',
  description: 'regr_count(y,x) - returns the number of non-null pairs',
  typeMessage: NUMERIC_ONLY,
  create: (types) => pairFiltered(resolveAggregate(count, { argumentTypes: [types[0]] }), types, 0),
});
