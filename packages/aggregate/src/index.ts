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
