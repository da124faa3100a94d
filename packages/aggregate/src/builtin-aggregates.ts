import type { AggregateFunctionDefinition } from './contract';
import { avg } from './functions/avg';
import { collectList } from './functions/collect-list';
import { collectSet } from './functions/collect-set';
import { computeStats } from './functions/compute-stats';
import { corr } from './functions/corr';
import { count } from './functions/count';
import { covarPop } from './functions/covar-pop';
import { covarSamp } from './functions/covar-samp';
import { histogramNumeric } from './functions/histogram-numeric';
import { max } from './functions/max';
import { min } from './functions/min';
import { ngrams } from './functions/ngrams';
import { contextNgrams } from './functions/context-ngrams';
import { percentile } from './functions/percentile';
import { percentileApprox } from './functions/percentile-approx';
import { percentileCont } from './functions/percentile-cont';
import { percentileDisc } from './functions/percentile-disc';
import { regrAvgx } from './functions/regr-avgx';
import { regrAvgy } from './functions/regr-avgy';
import { regrCount } from './functions/regr-count';
import { regrIntercept } from './functions/regr-intercept';
import { regrR2 } from './functions/regr-r2';
import { regrSlope } from './functions/regr-slope';
import { regrSxx } from './functions/regr-sxx';
import { regrSxy } from './functions/regr-sxy';
import { regrSyy } from './functions/regr-syy';
import { stddev } from './functions/stddev';
import { stddevSamp } from './functions/stddev-samp';
import { sum } from './functions/sum';
import { sum0 } from './functions/sum0';
import { varSamp } from './functions/var-samp';
import { variance } from './functions/variance';

/**
 * Every built-in Hive aggregate, in Hive's FunctionRegistry order. Returns a new array each call; pass it to
 * `createAggregateRegistry` to get a registry of built-ins.
 *
 * @example
 * ```ts
 * const registry = createAggregateRegistry(builtinAggregates());
 * registry.lookup('std')?.name; // 'stddev'
 * ```
 */
export function builtinAggregates(): readonly AggregateFunctionDefinition[] {
  return [
    max,
    min,
    sum,
    sum0,
    count,
    avg,
    stddev,
    stddevSamp,
    variance,
    varSamp,
    covarPop,
    covarSamp,
    corr,
    regrSlope,
    regrIntercept,
    regrR2,
    regrSxx,
    regrSyy,
    regrSxy,
    regrAvgx,
    regrAvgy,
    regrCount,
    histogramNumeric,
    percentileApprox,
    collectSet,
    collectList,
    ngrams,
    contextNgrams,
    percentile,
    percentileCont,
    percentileDisc,
    computeStats,
  ];
}
