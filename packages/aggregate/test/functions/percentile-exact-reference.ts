// The Map-based exact percentile as it was before the raw-value evaluator: Hive's algorithm transcribed literally
// (value → count Map, keys sorted in Java order, cumulative counts, the walk of getPercentile). The new evaluator
// must give the same results to the bit, so this stays here as the oracle.

import { compareJavaDoubles } from '@hive-batch/core';

type Key = bigint | number;

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  return compareJavaDoubles(Number(a), Number(b));
}

/** What one reference run needs to know about the call site. */
export interface MapPercentileOptions {
  /** `percentile`'s long keys (bigint) or percentile_cont/disc's double keys. */
  readonly longKeys: boolean;
  readonly kind: 'cont' | 'disc';
  readonly ascending: boolean;
}

/** A value → count table: what the old state held, and what a partial carries. */
export type CountTable = Map<Key, number>;

/** Adds one non-NULL value to a table exactly as the old `incrementCount(toKey(v))` did. */
export function countValue(table: CountTable, v: bigint | number, longKeys: boolean): void {
  const key: Key = longKeys ? (typeof v === 'bigint' ? v : BigInt(v)) : Number(v);
  table.set(key, (table.get(key) ?? 0) + 1);
}

/** The old terminate over a count table: `null` when it is empty. */
export function mapPercentiles(
  table: CountTable,
  ps: readonly number[],
  options: MapPercentileOptions,
): number[] | null {
  if (table.size === 0) return null;
  const entries = [...table.entries()].sort((a, b) =>
    options.ascending ? compareKeys(a[0], b[0]) : compareKeys(b[0], a[0]),
  );
  const keys: Key[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [k, c] of entries) {
    total += c;
    keys.push(k);
    cumulative.push(total);
  }
  return ps.map((p) => {
    const position = (total - 1) * p;
    const lower = Math.floor(position);
    const higher = Math.ceil(position);
    let i = 0;
    while ((cumulative[i] ?? Infinity) < lower + 1) i++;
    const lowerKey = Number(keys[i]);
    if (higher === lower) return lowerKey;
    if ((cumulative[i] ?? Infinity) < higher + 1) i++;
    const higherKey = Number(keys[i]);
    if (options.kind === 'disc') return higherKey;
    if (higherKey === lowerKey) return lowerKey;
    return (higher - position) * lowerKey + (position - lower) * higherKey;
  });
}

/** The old COMPLETE result over non-NULL-or-NULL values with one percentile list for every row. */
export function mapPercentileOfValues(
  values: readonly (bigint | number | null)[],
  ps: readonly number[],
  options: MapPercentileOptions,
): number[] | null {
  const table: CountTable = new Map();
  for (const v of values) if (v != null) countValue(table, v, options.longKeys);
  return mapPercentiles(table, ps, options);
}
