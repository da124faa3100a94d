import type { PendingRows } from './pending-rows';
import type { PercentileLists, PercentileStore } from './percentile-store';

/** Buckets of the first pass: few enough write streams, and a bucket's groups stay in cache (as flushPending). */
const BUCKET_BITS = 8;

/**
 * The pending log laid out group by group, for terminate: group `g`'s values are
 * `values[start[g]..start[g] + count[g])`. Only groups that held nothing else when the log was grouped keep a
 * run here (the others were given theirs); such a group's whole input is its run, so terminate selects in it
 * directly, without placing the values in the group's storage first (chunk relocations, pool growth) —
 * once per group, which is what a million groups with ten values each are dominated by.
 */
export class GroupedRuns {
  readonly values: Float64Array;
  readonly start: Int32Array;
  readonly count: Int32Array;

  constructor(layout: {
    readonly values: Float64Array;
    readonly start: Int32Array;
    readonly count: Int32Array;
  }) {
    this.values = layout.values;
    this.start = layout.start;
    this.count = layout.count;
  }
}

/**
 * Lays the pending rows out group by group (a stable two-pass counting sort: by bucket of group ids, then by
 * group within a bucket, whose counters and values stay in cache), sets the percentiles of every group with a
 * row (checked, as {@link flushPending} does) and gives their runs to groups that already hold values. Needs
 * rows sharing one percentile ref (`pending.ref` ≠ null); empties the log.
 */
export function groupPendingRows(
  store: PercentileStore,
  pending: PendingRows,
  lists: PercentileLists,
): GroupedRuns {
  const segments = pending.segments();
  const n = pending.rows;
  const capacity = store.size.length;
  const groupBits = Math.max(1, 32 - Math.clz32(Math.max(1, capacity - 1)));
  const shift = Math.max(0, groupBits - BUCKET_BITS);
  const bucketCount = 1 << (groupBits - shift);
  // Rows per group first (the log comes clustered by group window, or the groups are few: the counters stay in
  // cache), then where each group's run and each bucket start.
  const count = new Int32Array(capacity);
  for (const { groups: src, length } of segments) for (let i = 0; i < length; i++) count[src[i]!]!++;
  const start = new Int32Array(capacity);
  const starts = new Int32Array(bucketCount + 1);
  let at = 0;
  for (let g = 0; g < capacity; g++) {
    start[g] = at;
    at += count[g]!;
    starts[(g >>> shift) + 1] = at;
  }
  let longest = 0;
  for (let b = 0; b < bucketCount; b++) longest = Math.max(longest, starts[b + 1]! - starts[b]!);
  const next = starts.slice(0, bucketCount);
  const groups = new Int32Array(n);
  const values = new Float64Array(n);
  for (const { groups: src, values: srcValues, length } of segments) {
    for (let i = 0; i < length; i++) {
      const g = src[i]!;
      const to = next[g >>> shift]!++;
      groups[to] = g;
      values[to] = srcValues[i]!;
    }
  }
  const ref = pending.ref ?? 0;
  pending.release();
  // Within each bucket (a few thousand groups, in cache), each value to its group's run: stable, so each group's
  // values keep their row order. A copy of the bucket's part of `start` serves as the cursors.
  const scratch = new Float64Array(longest);
  const cursor = new Int32Array(1 << shift);
  for (let b = 0; b < bucketCount; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (from === to) continue;
    const base = b << shift;
    cursor.set(start.subarray(base, Math.min(capacity, base + cursor.length)));
    scratch.set(values.subarray(from, to));
    for (let i = from; i < to; i++) values[cursor[groups[i]! - base]!++] = scratch[i - from]!;
  }
  const runs = new GroupedRuns({ values, start, count });
  takeRuns(store, runs, { ref, lists });
  return runs;
}

/** Percentiles of the groups with a run; the runs of groups that hold other values go to their storage. */
function takeRuns(
  store: PercentileStore,
  runs: GroupedRuns,
  uniform: { readonly ref: number; readonly lists: PercentileLists },
): void {
  const { start, count, values } = runs;
  const { size, own, side, percentiles } = store;
  const { ref, lists } = uniform;
  for (let g = 0; g < count.length; g++) {
    const c = count[g]!;
    if (c === 0) continue;
    if (ref !== 0 && percentiles[g] === 0) percentiles[g] = lists.checked(ref);
    if (size[g] !== 0 || own[g] !== 0 || side[g] != null) {
      store.appendRun(g, values, { from: start[g]!, n: c });
      count[g] = 0;
    }
  }
}

/** Gives every remaining run to its group's storage (before anything but terminate touches the state). */
export function placeGroupedRuns(store: PercentileStore, runs: GroupedRuns): void {
  const { start, count, values } = runs;
  for (let g = 0; g < count.length; g++) {
    const c = count[g]!;
    if (c !== 0) store.appendRun(g, values, { from: start[g]!, n: c });
  }
}
