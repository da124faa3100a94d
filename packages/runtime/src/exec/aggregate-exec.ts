// Aggregation through @hive-batch/operators' HashAggregate: a local (PARTIAL1) aggregation per split, then one
// final (FINAL) aggregation over the partials in the order a single Hive reducer merges them.
import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';
import { HiveTypes, batchFromRows, batchToRows, createSchema, isPrimitiveType } from '@hive-batch/core';
import type { ColumnBatch, DataType, Field } from '@hive-batch/core';
import { HashAggregate } from '@hive-batch/operators';
import type { AggregateArgument, AggregateCall } from '@hive-batch/operators';
import type { BoundExpr, PlanNode } from '@hive-batch/sql';

type AggregateNode = Extract<PlanNode, { kind: 'aggregate' }>;
type Row = unknown[];

/** What the operator path needs from the session. */
export interface AggregateEnv {
  readonly lookupAggregate: (name: string) => AggregateFunctionDefinition | undefined;
  readonly cboEnabled: boolean;
}

const BATCH_ROWS = 1024;

/**
 * The order a single reducer merges the map-side partials of one group in: Hadoop's merger sorts the map
 * outputs by length (ascending, stable) and pops them from a heap that never reorders equal keys, which
 * yields the first, then the rest from the back.
 */
export function reducerMergeOrder(lengths: readonly number[]): number[] {
  const sorted = lengths
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l - b.l || a.i - b.i)
    .map((x) => x.i);
  if (sorted.length <= 1) return sorted;
  return [sorted[0] as number, ...sorted.slice(1).reverse()];
}

/** True when HashAggregate can run this node (primitive keys, known functions). */
export function canUseHashAggregate(node: AggregateNode, env: AggregateEnv): boolean {
  return (
    node.groupBy.every((g) => isPrimitiveType(g.type) && g.type.kind !== 'void') &&
    node.aggregates.every((a) => env.lookupAggregate(a.name) != null)
  );
}

async function drain(op: HashAggregate, batches: readonly ColumnBatch[]): Promise<ColumnBatch[]> {
  const out: ColumnBatch[] = [];
  try {
    for (const b of batches) out.push(...(await op.add(b)));
    for await (const b of op.finish()) out.push(b);
  } finally {
    await op.close();
  }
  return out;
}

function toBatches(fields: readonly Field[], rows: readonly Row[]): ColumnBatch[] {
  const schema = createSchema(fields);
  const out: ColumnBatch[] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS)
    out.push(batchFromRows(schema, rows.slice(i, i + BATCH_ROWS)));
  return out;
}

/**
 * Runs an aggregate node over split-grouped rows.
 *
 * @param keysOf - the group-key tuples of a row (one per grouping set)
 */
export async function hashAggregateSplits(
  node: AggregateNode,
  splits: readonly Row[][],
  { env, keysOf }: { readonly env: AggregateEnv; readonly keysOf: (row: Row) => unknown[][] },
): Promise<Row[]> {
  const keyTypes: DataType[] = [
    ...node.groupBy.map((g) => g.type),
    ...(node.groupingSets != null ? [HiveTypes.bigint] : []),
  ];
  const nKeys = node.groupBy.length === 0 ? 0 : keyTypes.length;
  // Input columns: the keys, then every non-constant argument of every aggregate.
  const argExprs: BoundExpr[] = [];
  const calls: AggregateCall[] = [];
  const finals: AggregateCall[] = [];
  node.aggregates.forEach((a, ai) => {
    const def = env.lookupAggregate(a.name) as AggregateFunctionDefinition;
    const args: AggregateArgument[] = a.call.rawArgs.map((e) => {
      if (e.constant != null) return { constant: e.constant.value, type: e.type };
      argExprs.push(e);
      return nKeys + argExprs.length - 1;
    });
    const common = {
      function: def,
      distinct: a.call.distinct,
      star: a.call.star,
      cboEnabled: env.cboEnabled,
    };
    calls.push({ ...common, args });
    finals.push({
      ...common,
      args: [nKeys + ai],
      argumentTypes: a.call.rawArgs.map((e) => e.type),
      constantArguments: a.call.rawArgs.map((e) => e.constant?.value),
    });
  });
  const inputFields: Field[] = [
    ...keyTypes.slice(0, nKeys).map((type, i) => ({ name: `k${i}`, type })),
    ...argExprs.map((e, i) => ({ name: `a${i}`, type: e.type.kind === 'void' ? HiveTypes.string : e.type })),
  ];
  const groupBy = keyTypes.slice(0, nKeys).map((_, i) => i);
  const partials: ColumnBatch[][] = [];
  for (const rows of splits) {
    if (rows.length === 0) continue;
    const input: Row[] = [];
    for (const row of rows) {
      const args = argExprs.map((e) => e.eval(row));
      for (const k of nKeys === 0 ? [[]] : keysOf(row)) input.push([...k, ...args]);
    }
    const op = new HashAggregate({
      inputSchema: createSchema(inputFields),
      groupBy,
      aggregates: calls,
      mode: 'partial1',
      adaptive: { enabled: false },
    });
    partials.push(await drain(op, toBatches(inputFields, input)));
  }
  let ordered: ColumnBatch[] = partials.flat();
  if (nKeys === 0 && partials.length > 1) {
    // One partial row per split: merge them in the reducer's order (by serialized length).
    const lengths = partials.map((bs) =>
      bs
        .flatMap((b) => batchToRows(b))
        .reduce((n, r) => n + r.reduce<number>((m, v) => m + (v instanceof Uint8Array ? v.length : 0), 0), 0),
    );
    ordered = reducerMergeOrder(lengths).flatMap((i) => partials[i] ?? []);
  }
  const partialSchema =
    ordered[0]?.schema ??
    new HashAggregate({
      inputSchema: createSchema(inputFields),
      groupBy,
      aggregates: calls,
      mode: 'partial1',
    }).outputSchema;
  const final = new HashAggregate({ inputSchema: partialSchema, groupBy, aggregates: finals, mode: 'final' });
  const out = await drain(final, ordered);
  return out.flatMap((b) => batchToRows(b));
}
