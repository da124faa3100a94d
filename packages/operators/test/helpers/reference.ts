import { aggregateRows, resolveAggregate } from '@hive-batch/aggregate';
import type { AggregateEvaluator } from '@hive-batch/aggregate';
import { batchToRows, concatBatches, HiveDecimal } from '@hive-batch/core';
import type { ColumnBatch, DataType } from '@hive-batch/core';
import type { AggregateCall } from '@hive-batch/operators';

/** Canonical string of a group key (keeps -0.0 apart from 0.0 and every NaN together, like Hive). */
export function keyString(values: readonly unknown[]): string {
  return JSON.stringify(values, (_k, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return 'NaN';
      if (Object.is(v, -0)) return '-0';
      if (!Number.isFinite(v)) return String(v);
    }
    if (v instanceof HiveDecimal) return `dec:${v.toString()}`;
    return v;
  });
}

function evaluatorOf(call: AggregateCall, types: readonly DataType[]): AggregateEvaluator {
  const args = call.args ?? [];
  const ev = resolveAggregate(call.function, {
    argumentTypes: args.map((a) => (typeof a === 'number' ? (types[a] as DataType) : a.type)),
    constantArguments: args.map((a) => (typeof a === 'number' ? undefined : a.constant)),
    star: call.star ?? false,
    distinct: call.distinct ?? false,
  });
  return ev;
}

/**
 * The reference group-by: a `Map` from key to the group's rows, then each aggregate through the row-at-a-time
 * runner of `@hive-batch/aggregate` (the evaluators' `accumulate`, not the batch kernels). Returns key → row
 * (keys then aggregate results), in first-appearance order.
 */
export function referenceGroupBy(
  batches: readonly ColumnBatch[],
  options: {
    readonly types: readonly DataType[];
    readonly groupBy: readonly number[];
    readonly calls: readonly AggregateCall[];
  },
): Map<string, unknown[]> {
  const { types, groupBy, calls } = options;
  const rows = batches.length === 0 ? [] : batchToRows(concatBatches(batches));
  const groups = new Map<string, { key: unknown[]; rows: unknown[][] }>();
  for (const row of rows) {
    const key = groupBy.map((k) => row[k] ?? null);
    const ks = keyString(key);
    let g = groups.get(ks);
    if (g == null) {
      g = { key, rows: [] };
      groups.set(ks, g);
    }
    g.rows.push(row);
  }
  if (groupBy.length === 0 && groups.size === 0) groups.set(keyString([]), { key: [], rows: [] });
  const out = new Map<string, unknown[]>();
  for (const [ks, g] of groups) {
    const results = calls.map((call) => {
      const ev = evaluatorOf(call, types);
      const argRows = g.rows.map((r) =>
        (call.args ?? []).map((a) => (typeof a === 'number' ? (r[a] ?? null) : a.constant)),
      );
      return aggregateRows(ev, argRows, 'complete');
    });
    out.set(ks, [...g.key, ...results]);
  }
  return out;
}

/** Output batches → key string → row. */
export function rowsByKey(batches: readonly ColumnBatch[], keyCount: number): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const b of batches) {
    for (const row of batchToRows(b)) {
      const ks = keyString(row.slice(0, keyCount));
      if (out.has(ks)) throw new Error(`duplicate group ${ks}`);
      out.set(ks, row);
    }
  }
  return out;
}

/** Equality for aggregate results: exact, except doubles within a relative 1e-9 (summation order). */
export function resultEquals(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    if (a === b) return true;
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  }
  if (a instanceof HiveDecimal && b instanceof HiveDecimal) return a.toString() === b.toString();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => resultEquals(x, b[i]));
  }
  return Object.is(a, b) || a === b;
}
