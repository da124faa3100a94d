import type { FixedColumn } from '@hive-batch/core';

/** Pending rows are compacted once they reach this many (or twice the compacted size, if larger). Rows. */
const MIN_COMPACT_ROWS = 1 << 22;

/** Java `Double.compare(a, b) < 0` for values without distinct NaN payloads (NaN last, -0.0 before 0.0). */
function before(a: number, b: number): boolean {
  if (a < b) return true;
  if (a === b) return a === 0 && 1 / a < 0 && 1 / b > 0;
  return a === a && b !== b;
}

/** Same key: equal bits for the canonical values stored here (NaN equals NaN, -0.0 differs from 0.0). */
function same(a: number, b: number): boolean {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  return a !== a && b !== b;
}

/**
 * Distinct (group id, numeric value) pairs by sorting instead of hashing: rows are appended to flat typed
 * arrays (sequential writes), and compacted now and then — a counting sort by group, then each group's values
 * sorted in Java `Double.compare` order and deduplicated. The compacted form is exactly what DISTINCT needs at
 * the end: per group, the distinct values in Hive's reduce-key order. NULL values are one flag per group.
 * Sorting touches memory sequentially, which beats a hash set's random probes once it outgrows the caches.
 */
export class DistinctValueBuffer {
  private pendingGroups: Int32Array = new Int32Array(4096);
  private pendingValues: Float64Array = new Float64Array(4096);
  private pending = 0;
  /** Compacted values, grouped by group id and sorted within a group; `starts[g]..starts[g+1]`. */
  private values: Float64Array = new Float64Array(0);
  private starts: Int32Array = new Int32Array(1);
  private nulls: Uint8Array = new Uint8Array(16);
  private groups = 0;
  private readonly minCompactRows: number;

  /** @param minCompactRows - pending rows that trigger a compaction (at least; more once the set is large). */
  constructor(minCompactRows: number = MIN_COMPACT_ROWS) {
    this.minCompactRows = minCompactRows;
  }

  get byteSize(): number {
    return (
      this.pendingGroups.byteLength +
      this.pendingValues.byteLength +
      this.values.byteLength +
      this.starts.byteLength +
      this.nulls.byteLength
    );
  }

  ensureGroups(groups: number): void {
    if (groups <= this.groups) return;
    this.groups = groups;
    if (groups > this.nulls.length) {
      let cap = this.nulls.length * 2;
      while (cap < groups) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.nulls);
      this.nulls = next;
    }
  }

  hasNull(group: number): boolean {
    return this.nulls[group] === 1;
  }

  addNull(group: number): void {
    this.nulls[group] = 1;
  }

  /** Adds rows `0..numRows-1` of a numeric column, row i into group `groupIds[i]`. */
  addColumn(groupIds: Int32Array, column: FixedColumn, numRows: number): void {
    const values = column.values;
    if (values instanceof BigInt64Array) return;
    this.reserve(numRows);
    const validity = column.validity;
    const pg = this.pendingGroups;
    const pv = this.pendingValues;
    let p = this.pending;
    for (let i = 0; i < numRows; i++) {
      const g = groupIds[i]!;
      if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) {
        this.nulls[g] = 1;
        continue;
      }
      const v: number = values[i]!;
      pg[p] = g;
      pv[p++] = v === v ? v : Number.NaN;
    }
    this.pending = p;
    if (p >= Math.max(this.minCompactRows, 2 * this.values.length)) this.compact();
  }

  private reserve(n: number): void {
    const need = this.pending + n;
    if (need <= this.pendingGroups.length) return;
    let cap = this.pendingGroups.length * 2;
    while (cap < need) cap *= 2;
    const g = new Int32Array(cap);
    g.set(this.pendingGroups.subarray(0, this.pending));
    const v = new Float64Array(cap);
    v.set(this.pendingValues.subarray(0, this.pending));
    this.pendingGroups = g;
    this.pendingValues = v;
  }

  /** The distinct values of every group, grouped and in key order (compacts pending rows first). */
  segments(): { readonly starts: Int32Array; readonly values: Float64Array } {
    if (this.pending > 0 || this.starts.length < this.groups + 1) this.compact();
    return { starts: this.starts, values: this.values };
  }

  private compact(): void {
    const groups = this.groups;
    const oldStarts = this.starts;
    const oldValues = this.values;
    const oldGroups = oldStarts.length - 1;
    const pg = this.pendingGroups;
    const pv = this.pendingValues;
    const n = this.pending;
    // Counting sort by group: compacted entries first, then pending rows, so each segment holds both.
    const counts = new Int32Array(groups + 1);
    for (let g = 0; g < oldGroups; g++) counts[g + 1] = oldStarts[g + 1]! - oldStarts[g]!;
    for (let i = 0; i < n; i++) counts[pg[i]! + 1]! += 1;
    for (let g = 0; g < groups; g++) counts[g + 1]! += counts[g]!;
    const scattered = new Float64Array(counts[groups]!);
    const fill = counts.slice(0, groups);
    for (let g = 0; g < oldGroups; g++) {
      const at = fill[g]!;
      scattered.set(oldValues.subarray(oldStarts[g], oldStarts[g + 1]), at);
      fill[g] = at + oldStarts[g + 1]! - oldStarts[g]!;
    }
    for (let i = 0; i < n; i++) {
      const g = pg[i]!;
      scattered[fill[g]!] = pv[i]!;
      fill[g]! += 1;
    }
    // Sort each segment and drop repeats, compacting in place.
    const starts = new Int32Array(groups + 1);
    let w = 0;
    for (let g = 0; g < groups; g++) {
      const s = counts[g]!;
      const e = counts[g + 1]!;
      starts[g] = w;
      if (e - s <= 16) {
        // Insertion sort: no subarray object for the many tiny segments of high-cardinality keys.
        for (let i = s + 1; i < e; i++) {
          const x = scattered[i]!;
          let j = i - 1;
          while (j >= s && before(x, scattered[j]!)) {
            scattered[j + 1] = scattered[j]!;
            j--;
          }
          scattered[j + 1] = x;
        }
      } else {
        // TypedArray sort orders numbers like Double.compare (-0 before +0, NaN last).
        scattered.subarray(s, e).sort();
      }
      for (let i = s; i < e; i++) {
        const x = scattered[i]!;
        if (w > starts[g]! && same(scattered[w - 1]!, x)) continue;
        scattered[w++] = x;
      }
    }
    starts[groups] = w;
    this.values = scattered.slice(0, w);
    this.starts = starts;
    this.pending = 0;
    if (this.pendingGroups.length > Math.max(this.minCompactRows, 4096) * 2) {
      this.pendingGroups = new Int32Array(4096);
      this.pendingValues = new Float64Array(4096);
    }
  }
}
