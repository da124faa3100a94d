import { placeGroupedRuns } from './grouped-runs';
import type { GroupedRuns } from './grouped-runs';
import type { PercentileLists, PercentileStore } from './percentile-store';

/**
 * Pending rows are given to their groups at the latest when there are this many (12–16 bytes each; the operator's
 * memory estimate counts them). Large, because rows still pending at terminate are grouped once and selected in
 * place (GroupedRuns), while each flush relocates the chunks of every group it extends: bench:agg (c) at 1M groups
 * (10M rows) went 1.72–1.76 → 1.48–1.54 s with 1 << 24 instead of 1 << 22 and grouping at terminate.
 */
export const MAX_PENDING: number = 1 << 24;
/** Buckets of the distribution pass: few enough write streams, and a bucket's groups stay in cache. */
const BUCKET_BITS = 8;

/** One stretch of the log: rows `0..length-1` of its arrays. */
export interface PendingSegment {
  readonly groups: Int32Array;
  readonly values: Float64Array;
  /** Per-row refs (see {@link PendingRows}), or `null` when the rows share one. */
  readonly refs: Int32Array | null;
  readonly length: number;
}

/**
 * Rows the batch kernels accepted but did not give to their groups yet: appending here is sequential, while
 * writing each row into its group's storage costs a cache miss per row once there are many groups (measured
 * ~150 ns per row at 1M groups). {@link flushPending} distributes them in bulk, bucket by bucket.
 *
 * Percentile refs: when every row had the same percentile argument (`ref` ≠ null, the usual literal), only
 * (group, value) is kept and rows with a NULL value were handled at once. Otherwise (`ref` = null) each row
 * keeps its ref: ≥ 0 for a value row (0 = no percentile argument), −ref for a NULL value whose argument still
 * counts (Hive takes it anyway).
 */
export class PendingRows {
  groups: Int32Array = new Int32Array(1024);
  values: Float64Array = new Float64Array(1024);
  refs: Int32Array | null = null;
  /** Rows in the current arrays (where the kernels append). */
  length = 0;
  /** The percentile ref shared by all rows, or `null` when each row keeps its own in {@link refs}. */
  ref: number | null = null;
  /** Earlier rows laid out group by group for terminate (see {@link GroupedRuns}), not given to their groups. */
  grouped: GroupedRuns | null = null;
  /**
   * Full earlier arrays, oldest first: a log that outgrows its arrays starts new ones instead of copying the rows
   * (at 1M groups it reaches 10M rows, and doubling copied 12M of them).
   */
  private sealed: PendingSegment[] = [];
  private sealedRows = 0;

  /** Logged rows, all segments. */
  get rows(): number {
    return this.sealedRows + this.length;
  }

  /** True when no row waits, in the log or grouped. */
  get isEmpty(): boolean {
    return this.rows === 0 && this.grouped == null;
  }

  /** The logged rows in row order: the sealed segments, then the current arrays. */
  segments(): PendingSegment[] {
    return [...this.sealed, this.current()];
  }

  /** Room for `n` more rows in the current arrays (and their refs when {@link ref} is `null`). */
  reserve(n: number): void {
    const need = this.length + n;
    if (this.ref == null && (this.refs == null || this.refs.length < this.groups.length)) {
      const refs = new Int32Array(this.groups.length);
      if (this.refs != null) refs.set(this.refs.subarray(0, this.length));
      this.refs = refs;
    }
    if (need <= this.groups.length) return;
    const capacity = Math.max(n, this.groups.length * 2);
    if (this.length > 0) {
      this.sealed.push(this.current());
      this.sealedRows += this.length;
    }
    this.groups = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.refs = this.ref == null ? new Int32Array(capacity) : null;
    this.length = 0;
  }

  /** Forgets the rows and gives back the log's memory (after grouping them, which copies them). */
  release(): void {
    this.forgetSealed();
    this.length = 0;
    this.groups = new Int32Array(1024);
    this.values = new Float64Array(1024);
    this.refs = null;
  }

  /** Forgets everything, and gives back the memory of a large log. */
  clear(): void {
    this.forgetSealed();
    this.length = 0;
    if (this.groups.length > MAX_PENDING) {
      this.groups = new Int32Array(1024);
      this.values = new Float64Array(1024);
      this.refs = null;
    }
  }

  private current(): PendingSegment {
    return { groups: this.groups, values: this.values, refs: this.refs, length: this.length };
  }

  private forgetSealed(): void {
    this.sealed = [];
    this.sealedRows = 0;
  }
}

/**
 * Gives every pending row to its group. One stable counting-sort pass by bucket (the top group-id bits), then
 * each bucket's rows in row order: its groups' slots and pool chunks are few enough to stay in cache. The
 * first row of a group without percentiles that carries some sets them (checked then, as Hive does).
 */
export function flushPending(store: PercentileStore, pending: PendingRows, lists: PercentileLists): void {
  if (pending.grouped != null) {
    placeGroupedRuns(store, pending.grouped);
    pending.grouped = null;
  }
  if (pending.rows === 0) return;
  for (const segment of pending.segments()) flushSegment(store, segment, { uniformRef: pending.ref, lists });
  pending.clear();
}

/** {@link flushPending} of one segment of the log (segments go in row order). */
function flushSegment(
  store: PercentileStore,
  segment: PendingSegment,
  context: { readonly uniformRef: number | null; readonly lists: PercentileLists },
): void {
  const { lists, uniformRef } = context;
  const n = segment.length;
  if (n === 0) return;
  const groupBits = Math.max(1, 32 - Math.clz32(Math.max(1, store.size.length - 1)));
  const shift = Math.max(0, groupBits - BUCKET_BITS);
  const bucketCount = 1 << (groupBits - shift);
  const src = segment.groups;
  const starts = new Int32Array(bucketCount + 1);
  for (let i = 0; i < n; i++) starts[(src[i]! >>> shift) + 1]!++;
  for (let b = 0; b < bucketCount; b++) starts[b + 1]! += starts[b]!;
  const next = starts.slice(0, bucketCount);
  const groups = new Int32Array(n);
  const values = new Float64Array(n);
  const refs = segment.refs != null && uniformRef == null ? new Int32Array(n) : null;
  const srcValues = segment.values;
  const srcRefs = segment.refs;
  for (let i = 0; i < n; i++) {
    const g = src[i]!;
    const at = next[g >>> shift]!++;
    groups[at] = g;
    values[at] = srcValues[i]!;
    if (refs != null) refs[at] = srcRefs![i]!;
  }
  // Room for every value up front: chunks then come from one pool that does not grow meanwhile.
  store.pool.reserve(2 * n);
  const percentiles = store.percentiles;
  const uniform = uniformRef ?? 0;
  const perGroup = new Int32Array(1 << shift);
  for (let b = 0; b < bucketCount; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (from === to) continue;
    const base = b << shift;
    if (shift === 0 && refs == null) {
      // Few groups: a bucket is one group, whose values are one contiguous run here.
      if (uniform !== 0 && percentiles[base] === 0) percentiles[base] = lists.checked(uniform);
      store.appendRun(base, values, { from, n: to - from });
      continue;
    }
    // How many values each group of the bucket gets, so its storage is sized once.
    for (let i = from; i < to; i++) if (refs == null || refs[i]! >= 0) perGroup[groups[i]! - base]!++;
    for (let j = 0; j < perGroup.length; j++) {
      if (perGroup[j] !== 0) {
        store.reserveFor(base + j, perGroup[j]!);
        perGroup[j] = 0;
      }
    }
    for (let i = from; i < to; i++) {
      const g = groups[i]!;
      const ref = refs == null ? uniform : refs[i]!;
      if (ref !== 0 && percentiles[g] === 0) percentiles[g] = lists.checked(ref < 0 ? -ref : ref);
      if (ref >= 0) store.appendReserved(g, values[i]!);
    }
  }
}
