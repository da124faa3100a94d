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
