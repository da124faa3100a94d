// Naive references for collect_set / collect_list: plain arrays, linear search for duplicates.
import Decimal from 'decimal.js';

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    // Hive's DoubleWritable equality is `==` (NaN never equal) and its LinkedHashSet keeps 0.0 and -0.0 apart.
    if (Number.isNaN(a) || Number.isNaN(b)) return false;
    return Object.is(a, b);
  }
  if (Decimal.isDecimal(a) && Decimal.isDecimal(b)) return a.eq(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    return [...a].every(([k, v]) => [...b].some(([k2, v2]) => sameValue(k, k2) && sameValue(v, v2)));
  }
  if (a != null && b != null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/** `collect_list(x)`: the non-NULL values in input order (`[]` when none). */
export function referenceCollectList(values: readonly unknown[]): unknown[] {
  return values.filter((v) => v != null);
}

/** `collect_set(x)`: the non-NULL values, first occurrence kept, in input order (`[]` when none). */
export function referenceCollectSet(values: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (v == null) continue;
    if (!out.some((o) => sameValue(o, v))) out.push(v);
  }
  return out;
}
