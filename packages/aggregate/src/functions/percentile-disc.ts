import type { AggregateFunctionDefinition } from '../contract';
import { orderedPercentileDefinition } from '../internal/histogram/ordered-percentile-definition';

/**
 * `percentile_disc(expr, pc)` / `percentile_disc(pc) WITHIN GROUP (ORDER BY expr [ASC|DESC])` (Hive 4): like
 * percentile_cont, but a position between two values yields the higher one instead of interpolating.
 */
export const percentileDisc: AggregateFunctionDefinition = orderedPercentileDefinition({
  name: 'percentile_disc',
  kind: 'disc',
  description:
    'percentile_disc(input, pc) - Returns the percentile of expr at pc (range: [0,1]) without interpolation.',
});
