// Executes a plan. INTERIM: row-at-a-time operators over arrays of rows, until @hive-batch/operators'
// HashAggregate and connector-hive's HiveSource are wired in (see the package README).
import { createAccumulatorState } from '@hive-batch/aggregate';
import { HiveBatchError } from '@hive-batch/core';
import type { Table } from '@hive-batch/catalog';
import type { BoundExpr, PlanNode, SortKey } from '../binder/plan';
import { compareNonNull, tupleKey } from './values';

export type Row = unknown[];

/** Services the executor needs: reading tables, and progress reporting. */
export interface ExecContext {
  /** Reads all rows of a table: data columns then partition columns; `prune` filters partitions. */
  readTable(table: Table, prune: ((partitionRow: readonly unknown[]) => boolean) | null): Promise<Row[]>;
}

function evalAll(exprs: readonly BoundExpr[], row: readonly unknown[]): unknown[] {
  const out = new Array<unknown>(exprs.length);
  for (let i = 0; i < exprs.length; i++) out[i] = (exprs[i] as BoundExpr).eval(row);
  return out;
}

function sortRows(rows: Row[], keys: readonly SortKey[]): Row[] {
  const decorated = rows.map((row, i) => ({ row, i, k: keys.map((k) => k.expr.eval(row)) }));
  decorated.sort((a, b) => {
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j] as SortKey;
      const x = a.k[j];
      const y = b.k[j];
      if (x == null || y == null) {
        if (x == null && y == null) continue;
        return (x == null) === key.nullsFirst ? -1 : 1;
      }
      const c = compareNonNull(x, y);
      if (c !== 0) return key.descending ? -c : c;
    }
    return a.i - b.i;
  });
  return decorated.map((d) => d.row);
}

/** Runs a plan to completion and returns its rows. */
export async function executePlan(node: PlanNode, ctx: ExecContext): Promise<Row[]> {
  switch (node.kind) {
    case 'scan':
      return ctx.readTable(node.table, null);
    case 'values':
      return node.rows.map((r) => [...r]);
    case 'filter': {
      const rows = await executePlan(node.input, ctx);
      const p = node.predicate.eval;
      return rows.filter((r) => p(r) === true);
    }
    case 'project': {
      const rows = await executePlan(node.input, ctx);
      return rows.map((r) => evalAll(node.exprs, r));
    }
    case 'aggregate':
      return aggregate(node, await executePlan(node.input, ctx));
    case 'sort':
      return sortRows(await executePlan(node.input, ctx), node.keys);
    case 'limit': {
      const rows = await executePlan(node.input, ctx);
      return rows.slice(node.offset, node.limit == null ? undefined : node.offset + node.limit);
    }
    case 'union': {
      const out: Row[] = [];
      for (const i of node.inputs) for (const r of await executePlan(i, ctx)) out.push(r);
      return out;
    }
    case 'join':
      return join(node, await executePlan(node.left, ctx), await executePlan(node.right, ctx));
  }
}

function aggregate(node: Extract<PlanNode, { kind: 'aggregate' }>, rows: Row[]): Row[] {
  const groupIndex = new Map<string, number>();
  const groupValues: unknown[][] = [];
  const ids = new Int32Array(rows.length);
  const global = node.groupBy.length === 0;
  rows.forEach((row, i) => {
    if (global) {
      ids[i] = 0;
      return;
    }
    const vals = evalAll(node.groupBy, row);
    const key = tupleKey(vals);
    let g = groupIndex.get(key);
    if (g == null) {
      g = groupValues.length;
      groupIndex.set(key, g);
      groupValues.push(vals);
    }
    ids[i] = g;
  });
  const numGroups = global ? 1 : groupValues.length;
  if (global && node.aggregates.length === 0 && rows.length === 0) return [];
  const results = node.aggregates.map((a) => {
    const ev = a.evaluator;
    const state = createAccumulatorState(ev.layout, Math.max(numGroups, 1));
    for (let g = 0; g < numGroups; g++) ev.init(state, g);
    for (let i = 0; i < rows.length; i++) ev.accumulate(state, ids[i] ?? 0, evalAll(a.args, rows[i] as Row));
    const out: unknown[] = [];
    for (let g = 0; g < numGroups; g++) out.push(ev.terminate(state, g));
    return out;
  });
  const out: Row[] = [];
  for (let g = 0; g < numGroups; g++) {
    out.push([...(global ? [] : (groupValues[g] as unknown[])), ...results.map((r) => r[g])]);
  }
  return out;
}

function join(node: Extract<PlanNode, { kind: 'join' }>, left: Row[], right: Row[]): Row[] {
  const rightWidth = node.right.columns.length;
  const leftWidth = node.left.columns.length;
  const nullsRight = new Array<unknown>(rightWidth).fill(null);
  const nullsLeft = new Array<unknown>(leftWidth).fill(null);
  const residual = node.residual?.eval;
  const keyed = node.leftKeys.length > 0;
  const buckets = new Map<string, number[]>();
  const rightKeyOf = (r: Row): string | null => {
    const k = evalAll(node.rightKeys, r);
    return k.some((v) => v == null) ? null : tupleKey(k);
  };
  right.forEach((r, i) => {
    const k = keyed ? rightKeyOf(r) : '';
    if (k == null) return;
    let b = buckets.get(k);
    if (b == null) buckets.set(k, (b = []));
    b.push(i);
  });
  const matchedRight = new Uint8Array(right.length);
  const out: Row[] = [];
  const type = node.joinType;
  for (const l of left) {
    let k: string | null = '';
    if (keyed) {
      const kv = evalAll(node.leftKeys, l);
      k = kv.some((v) => v == null) ? null : tupleKey(kv);
    }
    const cands = k == null ? [] : (buckets.get(k) ?? []);
    let matched = false;
    for (const ri of cands) {
      const r = right[ri] as Row;
      const row = [...l, ...r];
      if (residual != null && residual(row) !== true) continue;
      matched = true;
      matchedRight[ri] = 1;
      if (type === 'leftSemi' || type === 'leftAnti') break;
      out.push(row);
    }
    if (type === 'leftSemi' && matched) out.push(l);
    if (type === 'leftAnti' && !matched) out.push(l);
    if (!matched && (type === 'left' || type === 'full')) out.push([...l, ...nullsRight]);
  }
  if (type === 'right' || type === 'full') {
    right.forEach((r, i) => {
      if (matchedRight[i] === 0) out.push([...nullsLeft, ...r]);
    });
  }
  if (type === 'right') {
    // Right join: rows of matched pairs were emitted in left order; Hive's order is not defined either.
  }
  return out;
}

export { HiveBatchError };
