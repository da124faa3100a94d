// Public surface of @hive-batch/operators. Every export is listed by name.
export type { AggregateCall, AggregateArgument, ConstantArgument } from './aggregate-call';
export type {
  HashAggregateOptions,
  AdaptiveLocalAggregationOptions,
  HashAggregateStats,
} from './hash-aggregate';
export { HashAggregate, hashAggregate } from './hash-aggregate';
export { encodeColumnBatch, decodeColumnBatch } from './encode-column-batch';
export type { SortAggregateOptions } from './sort-aggregate';
export { SortAggregate, sortAggregate } from './sort-aggregate';
