// Data loading and Hive-style printing for the numeric aggregates' corpus checks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { enforceDecimalType, HiveDecimal } from '@hive-batch/core';
import type { DataType, HiveDecimalValue } from '@hive-batch/core';
import { aggregateRows, aggregateRowsGrouped, mergePartials, resolveAggregate } from '@hive-batch/aggregate';
import type { AggregateFunctionDefinition, ResolveAggregateOptions } from '@hive-batch/aggregate';
import { corpusDir, javaDouble, readDataRows } from '../functions/qtest-corpus';

export { corpusDir, javaDouble, readDataRows };

/** Lines of a data file split on `sep` (text tables: `\N` and, for non-strings, empty fields are NULL). */
export function readDelimited(rel: string, sep: string): string[][] {
  const text = readFileSync(path.join(corpusDir(), 'data', rel), 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split(sep));
}

/** LazyInteger-style int field: NULL for empty/`\N`/unparseable. */
export function intField(s: string | undefined): number | null {
  if (s == null || s === '' || s === '\\N' || !/^[+-]?\d+$/.test(s.trim())) return null;
  return Number(s.trim());
}

/** A decimal(p,s) text field as Hive reads it (HALF_UP to scale, NULL when it does not fit). */
export function decimalField(
  s: string | undefined,
  precision: number,
  scale: number,
): HiveDecimalValue | null {
  if (s == null || !/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s)) return null;
  return enforceDecimalType(new HiveDecimal(s.trim()), precision, scale);
}

/** How Hive prints a top-level value (doubles as Java, decimals padded to the type's scale). */
export function hivePrint(v: unknown, type: DataType): string {
  if (v == null) return 'NULL';
  if (type.kind === 'decimal') return (v as HiveDecimalValue).toFixed(type.scale);
  if (type.kind === 'double' || type.kind === 'float') return javaDouble(v as number);
  return typeof v === 'bigint' || typeof v === 'number' || typeof v === 'string'
    ? String(v)
    : JSON.stringify(v);
}

/** One aggregate over the rows (COMPLETE), printed like Hive. */
export function runPrinted(
  definition: AggregateFunctionDefinition,
  call: ResolveAggregateOptions,
  rows: readonly (readonly unknown[])[],
): string {
  const ev = resolveAggregate(definition, call);
  return hivePrint(aggregateRows(ev, rows, 'complete'), ev.resultType);
}

/** PARTIAL1 over the whole input then FINAL (Hive's single-mapper plan), printed like Hive. */
export function runTwoPhasePrinted(
  definition: AggregateFunctionDefinition,
  call: ResolveAggregateOptions,
  rows: readonly (readonly unknown[])[],
): string {
  const ev = resolveAggregate(definition, call);
  return hivePrint(mergePartials(ev, [aggregateRows(ev, rows, 'partial1')], 'final'), ev.resultType);
}

/** GROUP BY key → printed result per key, keys in first-seen order. */
export function groupedPrinted(
  definition: AggregateFunctionDefinition,
  call: ResolveAggregateOptions,
  rows: readonly { key: unknown; args: readonly unknown[] }[],
): Map<unknown, string> {
  const ids = new Map<unknown, number>();
  const groupIds = rows.map((r) => {
    let id = ids.get(r.key);
    if (id == null) {
      id = ids.size;
      ids.set(r.key, id);
    }
    return id;
  });
  const ev = resolveAggregate(definition, call);
  const out = aggregateRowsGrouped(
    ev,
    rows.map((r) => r.args),
    { mode: 'complete', groupIds, numGroups: Math.max(1, ids.size) },
  );
  const printed = new Map<unknown, string>();
  for (const [key, id] of ids) printed.set(key, hivePrint(out[id], ev.resultType));
  return printed;
}

/** Hive's round(double, d) (HALF_UP on the decimal expansion of the double), printed as a double. */
export function roundDouble(v: number, digits: number): number {
  return new HiveDecimal(v).toDecimalPlaces(digits, HiveDecimal.ROUND_HALF_UP).toNumber();
}
