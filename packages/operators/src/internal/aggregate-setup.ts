import type { AggregationMode } from '@hive-batch/aggregate';
import { HiveBatchError, HiveTypes, createSchema } from '@hive-batch/core';
import type { DataType, Schema } from '@hive-batch/core';
import type { ResolvedCall } from './group-aggregate';
import { emitsPartials } from './operator-mode';

/** The input of an aggregation and its group-by key column indices (as in the operators' options). */
export interface GroupedInput {
  readonly inputSchema: Schema;
  readonly groupBy: readonly number[];
}

/**
 * The types of the group-by key columns.
 * @throws {HiveBatchError} `INVALID_ARGUMENT` for a key index with no input column
 */
export function groupKeyTypes({ inputSchema, groupBy }: GroupedInput): DataType[] {
  return groupBy.map((k) => {
    const f = inputSchema.fields[k];
    if (f == null) throw new HiveBatchError('INVALID_ARGUMENT', `Group-by column ${k} does not exist`);
    return f.type;
  });
}

/** An aggregation's output: the group-by keys, then one column per aggregate (binary in partial modes). */
export function aggregateOutputSchema(
  { inputSchema, groupBy }: GroupedInput,
  resolved: readonly ResolvedCall[],
  mode: AggregationMode,
): Schema {
  const keyFields = groupBy.map((k) => inputSchema.fields[k] ?? { name: `k${k}`, type: HiveTypes.void });
  return createSchema([
    ...keyFields.map((f) => ({ name: f.name, type: f.type })),
    ...resolved.map((r, i) => ({
      name: r.call.name ?? `_c${keyFields.length + i}`,
      type: emitsPartials(mode) ? HiveTypes.binary : r.evaluator.resultType,
    })),
  ]);
}
