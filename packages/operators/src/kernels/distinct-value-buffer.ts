import { compareJavaDoubles } from '@hive-batch/core';
import type { FixedColumn } from '@hive-batch/core';
import { dedupeByGroup } from './dedupe-by-group';
import { sortByGroupAndValue } from './sort-by-group-and-value';
import { TUNING } from '../internal/tuning';

/**
 * Distinct (group id, numeric value) pairs by sorting instead of hashing: rows are appended to flat typed
 * arrays (sequential writes), and compacted now and then — pending rows sorted by group and value (radix passes
 * when many), merged with the compacted values and deduplicated. The compacted form is exactly what DISTINCT needs at
 * the end: per group, the distinct values in Hive's reduce-key order. NULL values are one flag per group.
 * Sorting touches memory sequentially, which beats a hash set's random probes once it outgrows the caches.
 *
 * Unordered (for aggregates that ignore row order, such as count), a compaction lays rows out by group and
 * dedupes each group's values in a small hash set instead: no sort, and each group's distinct values come in no
 * particular order.
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
  /** Whether each group's values are kept in key order (else in no particular order). */
  readonly ordered: boolean;

  /**
   * @param minCompactRows - pending rows that trigger a compaction (at least; more once the set is large).
   *   Defaults to `TUNING.distinctCompactRows` (4M).
   * @param ordered - keep each group's values in key order (false: any order, deduplicated by hashing).
   */
  constructor(minCompactRows: number = TUNING.distinctCompactRows, ordered = true) {
    this.minCompactRows = minCompactRows;
    this.ordered = ordered;
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

  /** The distinct values of every group, grouped, in key order when {@link ordered} (compacts pending rows first). */
  segments(): { readonly starts: Int32Array; readonly values: Float64Array } {
    if (this.pending > 0 || this.starts.length < this.groups + 1) this.compact();
    return { starts: this.starts, values: this.values };
  }

  private compact(): void {
    if (this.ordered) this.mergeSorted();
    else {
      const merged = dedupeByGroup(
        { groups: this.pendingGroups, values: this.pendingValues, numRows: this.pending },
        { starts: this.starts, values: this.values },
        this.groups,
      );
      this.values = merged.values;
      this.starts = merged.starts;
    }
    this.pending = 0;
    if (this.pendingGroups.length > Math.max(this.minCompactRows, 4096) * 2) {
      this.pendingGroups = new Int32Array(4096);
      this.pendingValues = new Float64Array(4096);
    }
  }

  /** Sorts the pending rows by group and value and merges them into the compacted values, dropping repeats. */
  private mergeSorted(): void {
    const groups = this.groups;
    const fresh = sortByGroupAndValue(this.pendingGroups, this.pendingValues, {
      numRows: this.pending,
      numGroups: groups,
    });
    // Merge each group's compacted values with its freshly sorted ones, dropping repeats.
    const oldStarts = this.starts;
    const oldValues = this.values;
    const oldGroups = oldStarts.length - 1;
    const merged = new Float64Array(oldValues.length + this.pending);
    const starts = new Int32Array(groups + 1);
    let w = 0;
    for (let g = 0; g < groups; g++) {
      starts[g] = w;
      let a = g < oldGroups ? oldStarts[g]! : 0;
      const aEnd = g < oldGroups ? oldStarts[g + 1]! : 0;
      let b = fresh.starts[g]!;
      const bEnd = fresh.starts[g + 1]!;
      const freshValues = fresh.values;
      let last = Number.NaN;
      let hasLast = false;
      while (a < aEnd || b < bEnd) {
        let x: number;
        if (b >= bEnd) x = oldValues[a++]!;
        else if (a >= aEnd) x = freshValues[b++]!;
        else {
          const o = oldValues[a]!;
          const f = freshValues[b]!;
          // Plain `<` decides all but ±0 and NaN, which compareJavaDoubles orders like Double.compare.
          if (f < o || (!(o < f) && compareJavaDoubles(f, o) < 0)) {
            x = f;
            b++;
          } else {
            x = o;
            a++;
          }
        }
        // A repeat: equal bits (NaN equals NaN, -0.0 differs from 0.0).
        if (hasLast && (x === last ? x !== 0 || 1 / x === 1 / last : x !== x && last !== last)) continue;
        merged[w++] = x;
        last = x;
        hasLast = true;
      }
    }
    starts[groups] = w;
    this.values = merged.slice(0, w);
    this.starts = starts;
  }
}
