/**
 * A segment tree over a sequence of leaves, each holding the smallest gap of a run of bins and how many gaps
 * of the run equal it. It answers the questions Hive's trim scan asks without visiting every run: where the
 * running minimum next drops, how many gaps tie with it in between (each tie costs the scan one PRNG draw),
 * and where the k-th tie of the final minimum sits.
 *
 * Leaves past `length` hold (+Infinity, 0), so they never count as ties, not even of an infinite gap.
 */
export class GapMinTree {
  /** Number of leaves in use. */
  length = 0;
  /** Leaves start at index `size` (a power of two); node i covers its children 2i and 2i + 1. */
  private size = 1;
  private min: Float64Array = new Float64Array(2).fill(Infinity);
  private count: Float64Array = new Float64Array(2);
  /** Remaining rank while {@link findKth} descends. */
  private rank = 0;
  /** See {@link passedTies}. */
  private passed = 0;

  /** Smallest gap over all leaves. */
  rootMin(): number {
    return this.min[1] as number;
  }

  /** Makes room for `n` leaves (growing by doubling), keeping the current ones. */
  resize(n: number): void {
    if (n > this.size) {
      let size = this.size;
      while (size < n) size *= 2;
      const min = new Float64Array(2 * size).fill(Infinity);
      const count = new Float64Array(2 * size);
      min.set(this.min.subarray(this.size, this.size + this.length), size);
      count.set(this.count.subarray(this.size, this.size + this.length), size);
      this.size = size;
      this.min = min;
      this.count = count;
      this.length = n;
      this.rebuildFrom(0);
      return;
    }
    for (let i = n; i < this.length; i++) {
      this.min[this.size + i] = Infinity;
      this.count[this.size + i] = 0;
    }
    const from = Math.min(n, this.length);
    this.length = n;
    this.rebuildFrom(from);
  }

  /** Sets leaf `i` without updating its ancestors (follow with {@link rebuildFrom}). */
  setLeaf(i: number, min: number, count: number): void {
    this.min[this.size + i] = min;
    this.count[this.size + i] = count;
  }

  /** Recomputes every ancestor of leaves `from`… (after a run of {@link setLeaf}). */
  rebuildFrom(from: number): void {
    const min = this.min;
    const count = this.count;
    let lo = (this.size + from) >> 1;
    let hi = (2 * this.size - 1) >> 1;
    while (lo >= 1) {
      for (let p = lo; p <= hi; p++) pull(min, count, p);
      lo >>= 1;
      hi >>= 1;
    }
  }

  /** Sets leaf `i` and updates its ancestors. */
  update(i: number, leafMin: number, leafCount: number): void {
    const min = this.min;
    const count = this.count;
    let p = this.size + i;
    min[p] = leafMin;
    count[p] = leafCount;
    for (p >>= 1; p >= 1; p >>= 1) {
      const m = min[p];
      const c = count[p];
      pull(min, count, p);
      // Unchanged node: its ancestors are unchanged too.
      if (min[p] === m && count[p] === c) return;
    }
  }

  /**
   * First leaf ≥ `from` whose minimum is below `s`, or `length` when there is none; {@link passedTies} then
   * holds the number of gaps equal to `s` in the leaves passed over (all of which have minimum ≥ `s`).
   * Climbs from the leaf and back down, so the cost grows with the log of the distance, not of the tree.
   */
  firstBelow(from: number, s: number): number {
    const min = this.min;
    const count = this.count;
    const size = this.size;
    let ties = 0;
    let i = from + size;
    for (;;) {
      if ((min[i] as number) < s) {
        while (i < size) {
          i *= 2;
          if (!((min[i] as number) < s)) {
            if (min[i] === s) ties += count[i] as number;
            i++;
          }
        }
        this.passed = ties;
        return i - size;
      }
      if (min[i] === s) ties += count[i] as number;
      // Next subtree to the right: climb while this node is a right child; the root has none.
      while (i & 1) i >>= 1;
      if (i === 0) {
        this.passed = ties;
        return this.length;
      }
      i++;
    }
  }

  /** Ties with `s` passed over by the last {@link firstBelow}. */
  passedTies(): number {
    return this.passed;
  }

  /** Number of gaps equal to the smallest one. */
  rootTies(): number {
    return this.count[1] as number;
  }

  /**
   * The leaf holding the `k`-th (1-based) gap equal to the root minimum, counting leaves in order;
   * {@link remainingRank} then tells which of that leaf's ties it is.
   */
  findKth(k: number): number {
    const min = this.min;
    const count = this.count;
    const m = min[1] as number;
    let rank = k;
    let node = 1;
    while (node < this.size) {
      node *= 2;
      if (min[node] === m) {
        if ((count[node] as number) >= rank) continue;
        rank -= count[node] as number;
      }
      node++;
    }
    this.rank = rank;
    return node - this.size;
  }

  /** Rank of the sought tie within the leaf {@link findKth} returned (1-based). */
  remainingRank(): number {
    return this.rank;
  }
}

/** Node p = the smaller child's minimum, with the counts of every child at that minimum. */
function pull(min: Float64Array, count: Float64Array, p: number): void {
  const a = min[2 * p] as number;
  const b = min[2 * p + 1] as number;
  if (a < b) {
    min[p] = a;
    count[p] = count[2 * p] as number;
  } else if (b < a) {
    min[p] = b;
    count[p] = count[2 * p + 1] as number;
  } else {
    min[p] = a;
    count[p] = (count[2 * p] as number) + (count[2 * p + 1] as number);
  }
}
