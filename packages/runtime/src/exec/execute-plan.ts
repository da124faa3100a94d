// Executes a plan. INTERIM: row-at-a-time operators over arrays of rows, until @hive-batch/operators'
// HashAggregate and connector-hive's HiveSource are wired in (see the package README).
import { createAccumulatorState } from '@hive-batch/aggregate';
import { HiveBatchError } from '@hive-batch/core';
import { compareNonNull, compareValues, tupleKey } from '@hive-batch/sql';
import { canUseHashAggregate, hashAggregateSplits } from './aggregate-exec';
import type { AggregateEnv } from './aggregate-exec';
import type { BinderTable, BoundExpr, PlanNode, SortKey } from '@hive-batch/sql';

export type Row = unknown[];

/** Services the executor needs: reading tables, and progress reporting. */
export interface ExecContext {
  /** Reads all rows of a table: data columns then partition columns; `prune` filters partitions. */
  readTable(
    table: BinderTable,
    prune: ((partitionRow: readonly unknown[]) => boolean) | null,
    projection?: readonly number[] | null,
  ): Promise<Row[][]>;
  /** Aggregate functions for @hive-batch/operators' HashAggregate; without it, aggregation runs row by row. */
  readonly aggregateEnv?: AggregateEnv;
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

/** Rows split the way Hive's map tasks would see them (one entry per split, in split order). */
export type Splits = Row[][];

/** Runs a plan to completion and returns its rows. */
export async function executePlan(node: PlanNode, ctx: ExecContext): Promise<Row[]> {
  const splits = await executeSplits(node, ctx);
  return splits.length === 1 ? (splits[0] as Row[]) : splits.flat();
}

/** Runs a plan and keeps the split structure up to the first operator that needs all rows in one place. */
export async function executeSplits(node: PlanNode, ctx: ExecContext): Promise<Splits> {
  switch (node.kind) {
    case 'scan': {
      const f = node.partitionFilter;
      const nData = node.table.columns.length;
      // The filter sees a scan row whose data columns are NULL: it only reads partition columns.
      const prune =
        f == null
          ? null
          : (values: readonly unknown[]) =>
              f.eval([...new Array<unknown>(nData).fill(null), ...values]) === true;
      return ctx.readTable(node.table, prune, node.projection ?? null);
    }
    case 'values':
      return [node.rows.map((r) => [...r])];
    case 'filter': {
      const splits = await executeSplits(node.input, ctx);
      const p = node.predicate.eval;
      return splits.map((rows) => rows.filter((r) => p(r) === true));
    }
    case 'project': {
      const splits = await executeSplits(node.input, ctx);
      return splits.map((rows) => rows.map((r) => evalAll(node.exprs, r)));
    }
    case 'aggregate': {
      const splits = await executeSplits(node.input, ctx);
      const env = ctx.aggregateEnv;
      if (env != null && canUseHashAggregate(node, env)) {
        return [await hashAggregateSplits(node, splits, { env, keysOf: groupKeysOf(node) })];
      }
      return [aggregate(node, splits)];
    }
    case 'sort':
      return [sortRows(await executePlan(node.input, ctx), node.keys)];
    case 'limit': {
      const rows = await executePlan(node.input, ctx);
      return [rows.slice(node.offset, node.limit == null ? undefined : node.offset + node.limit)];
    }
    case 'lateral': {
      const splits = await executeSplits(node.input, ctx);
      const width = node.columns.length - node.input.columns.length;
      return splits.map((rows) => {
        const out: Row[] = [];
        for (const r of rows) {
          const v = node.arg.eval(r);
          const gen: unknown[][] = [];
          if (v instanceof Map) for (const [k, x] of v) gen.push([k, x]);
          else if (Array.isArray(v)) {
            v.forEach((x: unknown, i) => {
              if (node.generator === 'inline')
                gen.push(x == null ? new Array<unknown>(width).fill(null) : Object.values(x));
              else gen.push(node.generator === 'posexplode' ? [i, x] : [x]);
            });
          }
          if (gen.length === 0 && node.outer) gen.push(new Array<unknown>(width).fill(null));
          for (const g of gen) out.push([...r, ...g]);
        }
        return out;
      });
    }
    case 'window':
      return [windowRows(node, await executePlan(node.input, ctx))];
    case 'union': {
      const out: Splits = [];
      for (const i of node.inputs) out.push(...(await executeSplits(i, ctx)));
      return out;
    }
    case 'join':
      return [join(node, await executePlan(node.left, ctx), await executePlan(node.right, ctx))];
  }
}

/** The group-key tuples of a row: one, or one per grouping set (keys outside the set NULL, then GROUPING__ID). */
export function groupKeysOf(node: Extract<PlanNode, { kind: 'aggregate' }>): (row: Row) => unknown[][] {
  const sets = node.groupingSets;
  const nKeys = node.groupBy.length;
  return (row) => {
    const vals = evalAll(node.groupBy, row);
    if (sets == null) return [vals];
    return sets.map((set) => {
      let gid = 0n;
      const masked = vals.map((v, i) => {
        if (set.includes(i)) return v;
        gid |= 1n << BigInt(nKeys - 1 - i);
        return null;
      });
      return [...masked, gid];
    });
  };
}

/**
 * The order a single reducer merges the map-side partials of one group in: Hadoop's merger sorts the map
 * outputs by length (ascending, stable) and pops them from a heap that never reorders equal keys, which
 * yields the first, then the rest from the back.
 */
function reducerMergeOrder(lengths: readonly number[]): number[] {
  const sorted = lengths
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l - b.l || a.i - b.i)
    .map((x) => x.i);
  if (sorted.length <= 1) return sorted;
  return [sorted[0] as number, ...sorted.slice(1).reverse()];
}

/**
 * Local (PARTIAL1) aggregation per split, then the final (FINAL) merge of the partials of each group, as
 * Hive's map-side hash aggregation + one reducer does.
 */
function aggregate(node: Extract<PlanNode, { kind: 'aggregate' }>, splits: Splits): Row[] {
  const groupIndex = new Map<string, number>();
  const groupValues: unknown[][] = [];
  const global = node.groupBy.length === 0;
  const nonEmpty = splits.filter((s) => s.length > 0);
  // partials[a][split] = per-group partial values of aggregate a in that split (index = global group id).
  const partials: { ids: Map<number, unknown>[] }[] = node.aggregates.map(() => ({ ids: [] }));
  const keysOf = groupKeysOf(node);
  for (const rows of nonEmpty) {
    const localIndex = new Map<number, number>();
    const localGroups: number[] = [];
    const ids: number[] = [];
    const rowOf: number[] = [];
    rows.forEach((row, i) => {
      const keyList: unknown[][] = global ? [[]] : keysOf(row);
      for (const vals of keyList) {
        let g = 0;
        if (!global) {
          const key = tupleKey(vals);
          let gg = groupIndex.get(key);
          if (gg == null) {
            gg = groupValues.length;
            groupIndex.set(key, gg);
            groupValues.push(vals);
          }
          g = gg;
        }
        let l = localIndex.get(g);
        if (l == null) {
          l = localGroups.length;
          localIndex.set(g, l);
          localGroups.push(g);
        }
        ids.push(l);
        rowOf.push(i);
      }
    });
    node.aggregates.forEach((a, ai) => {
      const ev = a.evaluator;
      const state = createAccumulatorState(ev.layout, Math.max(localGroups.length, 1));
      for (let g = 0; g < localGroups.length; g++) ev.init(state, g);
      for (let k = 0; k < ids.length; k++)
        ev.accumulate(state, ids[k] ?? 0, evalAll(a.args, rows[rowOf[k] ?? 0] as Row));
      const m = new Map<number, unknown>();
      localGroups.forEach((g, l) => m.set(g, ev.terminatePartial(state, l)));
      (partials[ai] as { ids: Map<number, unknown>[] }).ids.push(m);
    });
  }
  const numGroups = global ? 1 : groupValues.length;
  if (global && node.aggregates.length === 0 && nonEmpty.length === 0) return [];
  const results = node.aggregates.map((a, ai) => {
    const ev = a.evaluator;
    const state = createAccumulatorState(ev.layout, Math.max(numGroups, 1));
    for (let g = 0; g < numGroups; g++) ev.init(state, g);
    const perSplit = (partials[ai] as { ids: Map<number, unknown>[] }).ids;
    if (global) {
      const ps = perSplit.map((m) => m.get(0) ?? null);
      const order =
        ps.length > 1 ? reducerMergeOrder(ps.map((p) => ev.encodePartial(p).length)) : ps.map((_, i) => i);
      for (const i of order) ev.merge(state, 0, ps[i] ?? null);
    } else {
      perSplit.forEach((m) => {
        for (const [g, p] of m) ev.merge(state, g, p);
      });
    }
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

/** Evaluates window functions: rows come out grouped by partition, sorted by the window's ORDER BY. */
function windowRows(node: Extract<PlanNode, { kind: 'window' }>, rows: Row[]): Row[] {
  let current: Row[] = rows.map((r) => [...r]);
  for (const w of node.windows) {
    const parts = new Map<string, Row[]>();
    for (const r of current) {
      const k = tupleKey(evalAll(w.partitionBy, r));
      let p = parts.get(k);
      if (p == null) parts.set(k, (p = []));
      p.push(r);
    }
    const out: Row[] = [];
    for (const part of parts.values()) {
      const sorted = w.orderBy.length > 0 ? sortRows(part, w.orderBy) : part;
      const orderVals = sorted.map((r) => w.orderBy.map((k) => k.expr.eval(r)));
      const samePeers = (i: number, j: number): boolean =>
        w.orderBy.every((_, k) => compareValues(orderVals[i]?.[k], orderVals[j]?.[k]) === 0);
      const fn = w.fn;
      if (fn.kind === 'rank') {
        let rank = 0;
        let dense = 0;
        sorted.forEach((r, i) => {
          const peer = i > 0 && samePeers(i, i - 1);
          if (!peer) {
            rank = i + 1;
            dense++;
          }
          r.push(fn.name === 'row_number' ? i + 1 : fn.name === 'rank' ? rank : dense);
          out.push(r);
        });
        continue;
      }
      const ev = fn.evaluator;
      const state = createAccumulatorState(ev.layout, 1);
      ev.init(state, 0);
      if (w.frame === 'partition') {
        for (const r of sorted) ev.accumulate(state, 0, evalAll(fn.args, r));
        const v = ev.terminate(state, 0);
        for (const r of sorted) {
          r.push(v);
          out.push(r);
        }
        continue;
      }
      let i = 0;
      while (i < sorted.length) {
        let j = i + 1;
        if (w.frame === 'range') while (j < sorted.length && samePeers(j, i)) j++;
        for (let k = i; k < j; k++) ev.accumulate(state, 0, evalAll(fn.args, sorted[k] as Row));
        const v = ev.terminate(state, 0);
        for (let k = i; k < j; k++) {
          (sorted[k] as Row).push(v);
          out.push(sorted[k] as Row);
        }
        i = j;
      }
    }
    current = out;
  }
  return current;
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
