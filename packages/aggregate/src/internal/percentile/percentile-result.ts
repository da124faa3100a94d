import { percentileAt, sortedCumulative } from '../histogram/exact-counts';
import { maxOf, minOf, moveNaNsToEnd, selectInPlace } from './order-statistic';
import type { PercentileGroup } from './percentile-group';
import type { PercentileLists, PercentileStore } from './percentile-store';
import { orderStatisticsInWindow } from './window-select';

/** How the keys are ordered and read at a position (one call site). */
export interface PercentileOrder {
  /** `'cont'` interpolates (also Hive 3's `percentile`), `'disc'` takes the higher key. */
  readonly kind: 'cont' | 'disc';
  /** Keys are doubles, which may be NaN (long keys never are). */
  readonly mayBeNaN: boolean;
  /** WITHIN GROUP … DESC reverses the order. */
  readonly ascending: boolean;
}

/** Raw doubles `array[from..from + n)` (no -0.0; NaN allowed). */
interface RawRange {
  readonly array: Float64Array;
  readonly from: number;
  readonly n: number;
}

/**
 * Up to this many requested percentiles are answered by selection, O(n) each; more sort the values once
 * (a native sort costs about as much as ten selections).
 */
const MAX_SELECTIONS = 4;

/**
 * Hive's last step of `getPercentile`, shared by every path so the arithmetic is the same to the bit: the key
 * at floor(position) and the one at ceil(position), which is the same index or the next one.
 */
function interpolate(
  keys: { readonly lowerKey: number; readonly higherKey: number; readonly position: number },
  kind: 'cont' | 'disc',
): number {
  const { lowerKey, higherKey, position } = keys;
  if (kind === 'disc') return higherKey;
  if (higherKey === lowerKey) return lowerKey;
  const lower = Math.floor(position);
  const higher = Math.ceil(position);
  return (higher - position) * lowerKey + (position - lower) * higherKey;
}

/**
 * Hive's terminate for group `g`: the results for every requested percentile (in request order), or `null`
 * when the group never saw a percentile argument or has no value.
 */
export function groupPercentiles(
  store: PercentileStore,
  g: number,
  context: { readonly lists: PercentileLists; readonly order: PercentileOrder },
): number[] | null {
  const { lists, order } = context;
  const ps = lists.get(store.percentiles[g]!);
  if (ps == null) return null;
  const o = store.existingGroupObject(g);
  if (o != null && o.table != null) {
    const raw = store.rawValues(g);
    // Merged partials (or a compacted buffer): Hive's own walk over the sorted cumulative counts.
    if (store.own[g] === 0) {
      o.countRaw(raw.array, raw.from, raw.n);
      store.size[g] = 0;
    }
    o.foldIntoTable();
    const sorted = sortedCumulative(o.table, order.ascending);
    const maxPosition = sorted.total - 1;
    return ps.map((p) => percentileAt(sorted, maxPosition * p, order.kind));
  }
  if (o != null && o.wideSize > 0)
    return widePercentiles(store.rawValues(g), o.wide!.subarray(0, o.wideSize), { ps, order });
  if (o != null && store.own[g] !== 0 && !order.mayBeNaN && ps.length <= 2 && o.size >= WINDOW_MIN) {
    const results = windowPercentiles(o, ps, order);
    if (results != null) return results;
  }
  const raw = store.rawValues(g);
  if (raw.n === 0) return null;
  return bufferPercentiles(raw, ps, order);
}

/**
 * Percentiles of raw doubles, reordering them in place. The key at position i of the requested order is the
 * (i or n−1−i)-th smallest value; NaNs are the largest (moved to the end first).
 */
export function bufferPercentiles(raw: RawRange, ps: readonly number[], order: PercentileOrder): number[] {
  const { array: a, from, n } = raw;
  const end = order.mayBeNaN ? from + moveNaNsToEnd(a, from, from + n) : from + n;
  const sorted = ps.length > MAX_SELECTIONS;
  if (sorted) a.subarray(from, end).sort();
  const results: number[] = [];
  for (const p of ps) results.push(percentileInRange(a, { from, end, n, sorted }, p, order));
  return results;
}

/**
 * Percentile `p` of the raw doubles `array[from..from + n)` (n > 0), reordering them in place: what
 * {@link bufferPercentiles} gives for one percentile, without a result array.
 */
export function rangePercentile(raw: RawRange, p: number, order: PercentileOrder): number {
  const { array: a, from, n } = raw;
  const end = order.mayBeNaN ? from + moveNaNsToEnd(a, from, from + n) : from + n;
  return percentileInRange(a, { from, end, n, sorted: false }, p, order);
}

/**
 * One percentile of `a[from..from + n)`, whose NaNs are already behind `end` (selection reorders `a[from..end)`
 * in place; `sorted` says it is sorted already): the one copy of Hive's arithmetic for raw values.
 */
// eslint-disable-next-line max-params -- once per group and percentile: no options object per call
function percentileInRange(
  a: Float64Array,
  range: { readonly from: number; readonly end: number; readonly n: number; readonly sorted: boolean },
  p: number,
  order: PercentileOrder,
): number {
  const { from, end, n, sorted } = range;
  const ascending = order.ascending;
  const maxPosition = n - 1;
  const position = maxPosition * p;
  const lower = Math.floor(position);
  const higher = Math.ceil(position);
  const jl = from + (ascending ? lower : maxPosition - lower);
  const lowerKey = jl >= end ? Number.NaN : sorted ? a[jl]! : selectInPlace(a, { from, to: end }, jl);
  if (higher === lower) return lowerKey;
  const jh = ascending ? jl + 1 : jl - 1;
  let higherKey: number;
  if (jh >= end) higherKey = Number.NaN;
  else if (sorted) higherKey = a[jh]!;
  else if (jl >= end) higherKey = selectInPlace(a, { from, to: end }, jh);
  // After selecting jl, everything after it is ≥ and everything before it ≤: the neighbour is an extremum.
  else higherKey = ascending ? minOf(a, jh, end) : maxOf(a, from, jl);
  return interpolate({ lowerKey, higherKey, position }, order.kind);
}

/** Rare path: some longs lie beyond ±2^53, so order them all as bigints (exact), then read them as doubles. */
function widePercentiles(
  raw: RawRange,
  wide: BigInt64Array,
  request: { readonly ps: readonly number[]; readonly order: PercentileOrder },
): number[] {
  const { ps, order } = request;
  const all = new BigInt64Array(raw.n + wide.length);
  for (let i = 0; i < raw.n; i++) all[i] = BigInt(raw.array[raw.from + i]!);
  all.set(wide, raw.n);
  all.sort();
  const maxPosition = all.length - 1;
  const keyAt = (i: number): number => Number(all[order.ascending ? i : maxPosition - i]!);
  return ps.map((p) => {
    const position = maxPosition * p;
    const lower = Math.floor(position);
    const higher = Math.ceil(position);
    const lowerKey = keyAt(lower);
    if (higher === lower) return lowerKey;
    return interpolate({ lowerKey, higherKey: keyAt(higher), position }, order.kind);
  });
}

/** Groups of at least this many long keys asking one or two percentiles try the sampled window first. */
const WINDOW_MIN = 4096;

/** {@link orderStatisticsInWindow} per percentile, or `null` when a window missed (then the plain path). */
function windowPercentiles(
  group: PercentileGroup,
  ps: readonly number[],
  order: PercentileOrder,
): number[] | null {
  const chunks = group.chunks();
  const n = group.size;
  const maxPosition = n - 1;
  const results: number[] = [];
  for (const p of ps) {
    const position = maxPosition * p;
    const lower = Math.floor(position);
    const higher = Math.ceil(position);
    // Ascending indices of the keys at floor and ceil of the position (DESC mirrors them).
    const jl = order.ascending ? lower : maxPosition - lower;
    const jh = order.ascending ? higher : maxPosition - higher;
    const found = orderStatisticsInWindow(chunks, { n, lo: Math.min(jl, jh), hi: Math.max(jl, jh) });
    if (found == null) return null;
    const lowerKey = jl <= jh ? found.low : found.high;
    const higherKey = jl <= jh ? found.high : found.low;
    results.push(higher === lower ? lowerKey : interpolate({ lowerKey, higherKey, position }, order.kind));
  }
  return results;
}
