import type { CountKey, ExactPercentilePartial } from '../histogram/exact-counts';
import { tableKeyOfLong } from './percentile-group';
import type { PercentileLists, PercentileStore } from './percentile-store';

/** Equal as count-table keys: NaN is one key (as in a JS Map). */
function sameKey(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

function addTo(counts: Map<CountKey, bigint>, key: CountKey, count: bigint): void {
  counts.set(key, (counts.get(key) ?? 0n) + count);
}

/**
 * Hive's partial `struct<counts:map<K,bigint>, percentiles:array<double>>` of group `g`: its raw doubles
 * sorted (in place) and run-length encoded, then its wide longs, then its counted table. Keys are bigints for
 * `percentile`'s long keys and doubles otherwise.
 */
export function partialOfGroup(
  store: PercentileStore,
  g: number,
  context: { readonly lists: PercentileLists; readonly longKeys: boolean },
): ExactPercentilePartial {
  const { lists, longKeys } = context;
  const counts = new Map<CountKey, bigint>();
  const raw = store.rawValues(g);
  const a = raw.array.subarray(raw.from, raw.from + raw.n).sort();
  let start = 0;
  for (let i = 1; i <= a.length; i++) {
    if (i === a.length || !sameKey(a[i]!, a[start]!)) {
      const x = a[start]!;
      addTo(counts, longKeys ? BigInt(x) : x, BigInt(i - start));
      start = i;
    }
  }
  const o = store.existingGroupObject(g);
  if (o?.wide != null) {
    const w = o.wide.subarray(0, o.wideSize).sort();
    for (let i = 0; i < w.length; i++) addTo(counts, w[i]!, 1n);
  }
  if (o?.table != null) {
    for (const [k, c] of o.table) addTo(counts, longKeys ? BigInt(k) : k, BigInt(c));
  }
  const ps = lists.get(store.percentiles[g]!);
  return { counts, percentiles: ps == null ? null : [...ps] };
}

/**
 * Hive's merge: a partial without percentiles (no row carried one) is ignored; otherwise the group takes the
 * percentiles if it has none and adds the partial's counts to its table (never expanded into raw values).
 */
export function mergePartialInto(
  store: PercentileStore,
  g: number,
  context: { readonly lists: PercentileLists; readonly partial: ExactPercentilePartial | null },
): void {
  const { lists, partial } = context;
  if (partial == null || partial.percentiles == null) return;
  if (store.percentiles[g] === 0) store.percentiles[g] = lists.intern(partial.percentiles);
  if (partial.counts.size === 0) return;
  const o = store.groupObject(g);
  for (const [k, c] of partial.counts) o.addCount(typeof k === 'bigint' ? tableKeyOfLong(k) : k, Number(c));
}
