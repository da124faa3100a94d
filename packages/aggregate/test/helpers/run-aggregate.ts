import { aggregateRows, resolveAggregate } from '@hive-batch/aggregate';
import type { AggregateFunctionDefinition, ResolveAggregateOptions } from '@hive-batch/aggregate';
import type { DataType } from '@hive-batch/core';

/**
 * Resolves `def` for `call` (or, given a bare type, for one argument of that type) and aggregates `rows`
 * in complete mode: the one-shot form most numeric tests use.
 */
export function runComplete(
  def: AggregateFunctionDefinition,
  call: ResolveAggregateOptions | DataType,
  rows: readonly (readonly unknown[])[],
): unknown {
  const c = 'kind' in call ? { argumentTypes: [call] } : call;
  return aggregateRows(resolveAggregate(def, c), rows, 'complete');
}
