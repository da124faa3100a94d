import type { AggregateFunctionDefinition } from '../contract';
import { orderedPercentileDefinition } from '../internal/histogram/ordered-percentile-definition';

/**
 * `percentile_cont(expr, pc)` / `percentile_cont(pc) WITHIN GROUP (ORDER BY expr [ASC|DESC])` (Hive 4): exact
 * percentile with linear interpolation over any numeric input; `double` or `array<double>`; NULL for no values.
 */
export const percentileCont: AggregateFunctionDefinition = orderedPercentileDefinition({
  name: 'percentile_cont',
  kind: 'cont',
  description: 'percentile_cont(input, pc) - Returns the percentile of expr at pc (range: [0,1]).',
});
