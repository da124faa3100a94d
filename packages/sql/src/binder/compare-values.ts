// Comparing, hashing and keying values of core's representation.
import { HiveDecimal } from '@hive-batch/core';

/** Total order over values of one type (NULLs excluded: callers handle them). Mirrors Hive's comparisons. */
export function compareNonNull(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return 0;
    // NaN is greater than everything in Java's Double.compare.
    return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  }
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (HiveDecimal.isDecimal(a) && HiveDecimal.isDecimal(b)) return a.cmp(b);
  if (typeof a === 'bigint' || typeof b === 'bigint' || typeof a === 'number' || typeof b === 'number') {
    return compareNonNull(Number(a), Number(b));
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return a.length - b.length;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  if (a instanceof Map && b instanceof Map) {
    // Hive's FullMapEqualComparer: size, then entries in key order (key, then value).
    if (a.size !== b.size) return a.size - b.size;
    const ka = [...a.keys()].sort(compareValues);
    const kb = [...b.keys()].sort(compareValues);
    for (let i = 0; i < ka.length; i++) {
      const c = compareValues(ka[i], kb[i]);
      if (c !== 0) return c;
      const v = compareValues(a.get(ka[i]), b.get(kb[i]));
      if (v !== 0) return v;
    }
    return 0;
  }
  if (typeof a === 'object' && typeof b === 'object' && a != null && b != null) {
    return compareValues(Object.values(a), Object.values(b));
  }
  return 0;
}

/** Compare with NULLs first. */
export function compareValues(a: unknown, b: unknown): number {
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  return compareNonNull(a, b);
}

/** A string key equal for equal values (for hashing group keys, join keys, DISTINCT). */
export function valueKey(v: unknown): string {
  if (v == null) return 'N';
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? 'n0' : 'n' + String(v);
    case 'bigint':
      return 'n' + v.toString();
    case 'string':
      return 's' + v;
    case 'boolean':
      return v ? 'T' : 'F';
    default:
      break;
  }
  if (HiveDecimal.isDecimal(v)) return 'n' + v.toString();
  if (v instanceof Uint8Array) return 'b' + Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return '[' + v.map(valueKey).join(',') + ']';
  if (v instanceof Map)
    return '{' + [...v.entries()].map(([k, x]) => valueKey(k) + ':' + valueKey(x)).join(',') + '}';
  if (typeof v === 'object') return '(' + Object.values(v).map(valueKey).join(',') + ')';
  return JSON.stringify(v) ?? '';
}

/** Key of a tuple. */
export function tupleKey(values: readonly unknown[]): string {
  let s = '';
  for (const v of values) s += valueKey(v) + '\u0000';
  return s;
}
