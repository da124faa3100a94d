// Public surface of @hive-batch/aggregate. Every export is listed by name.
export type {
  AggregationMode,
  SlotType,
  SlotArray,
  SlotDescriptor,
  AccumulatorLayout,
  AccumulatorState,
  JsonValue,
  AggregateCallInfo,
  AggregateResolveOptions,
  AggregateEvaluator,
  AggregateFunctionDefinition,
  RowUpdate,
} from './contract';

export { createAccumulatorState, growAccumulatorState } from './state';
export type { ResolveAggregateOptions, GroupedRunOptions } from './run-aggregate';
export {
  resolveAggregate,
  runAggregate,
  aggregateRows,
  mergePartials,
  aggregateRowsGrouped,
  mergePartialsGrouped,
  aggregateBatchGrouped,
} from './run-aggregate';
export type { AggregateRegistry, RegisterAggregateOptions } from './aggregate-registry';
export { createAggregateRegistry } from './aggregate-registry';
export { builtinAggregates } from './builtin-aggregates';

// Collection, percentile, histogram, n-gram and statistics aggregates.
export { collectSet } from './functions/collect-set';
export { collectList } from './functions/collect-list';
export { percentileApprox } from './functions/percentile-approx';
export { histogramNumeric } from './functions/histogram-numeric';
export { percentile } from './functions/percentile';
export { percentileCont } from './functions/percentile-cont';
export { percentileDisc } from './functions/percentile-disc';
export { ngrams } from './functions/ngrams';
export { contextNgrams } from './functions/context-ngrams';

// Shared machinery and the numeric aggregates (sum, count, avg, min/max, variance family, covariance, regression).
export { withDistinct } from './with-distinct';
export { count } from './functions/count';
export { sum } from './functions/sum';
export { sum0 } from './functions/sum0';
export { avg } from './functions/avg';
export { min } from './functions/min';
export { max } from './functions/max';
export { variance } from './functions/variance';
export { varSamp } from './functions/var-samp';
export { stddev } from './functions/stddev';
export { stddevSamp } from './functions/stddev-samp';
export { covarPop } from './functions/covar-pop';
export { covarSamp } from './functions/covar-samp';
export { corr } from './functions/corr';
export { regrCount } from './functions/regr-count';
export { regrSxx } from './functions/regr-sxx';
export { regrSyy } from './functions/regr-syy';
export { regrSxy } from './functions/regr-sxy';
export { regrAvgx } from './functions/regr-avgx';
export { regrAvgy } from './functions/regr-avgy';
export { regrSlope } from './functions/regr-slope';
export { regrIntercept } from './functions/regr-intercept';
export { regrR2 } from './functions/regr-r2';
export { computeStats } from './functions/compute-stats';

export { FusedAccumulator, isFusable } from './fusion/fused-accumulator';
export type { FusedKernel, FusedMember, FusedNumberValues } from './fusion/fused-accumulator';
