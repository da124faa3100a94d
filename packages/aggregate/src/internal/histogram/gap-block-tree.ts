import { InternalError } from '@hive-batch/core';

/**
 * The gaps of bins kept in a gapped slot array (see {@link SlottedBins}), summarised per block of slots in a
 * segment tree holding each block's smallest gap and how many gaps equal it. It answers the questions Hive's
 * trim scan asks without visiting every gap: the smallest gap and its ties, where the running minimum next
 * drops below a value (and how many gaps equal that value on the way), and where the k-th tie sits.
 *
 * The gap of an occupied slot s is `x[s + 1] - x[s]`: an empty slot carries the centre of the next occupied
 * one, and `x[slots]` is +Infinity, so the last bin's gap is +Infinity, which never counts (every gap between
 * two bins is finite: the histogram falls back to Hive's structure before one could overflow).
 */
export class GapBlockTree {
  /** Slots per block, as a shift. */
  private readonly shift: number;
  private x: Float64Array = new Float64Array(1);
  private y: Float64Array = new Float64Array(0);
  private slots = 0;
  private blocks = 0;
  /** Leaves start at index `size` (a power of two); node i covers its children 2i and 2i + 1. */
  private size = 1;
  private min: Float64Array = new Float64Array(2);
  private count: Float64Array = new Float64Array(2);
  /** Ties passed over by the last {@link firstBelow}. */
  passed: number = 0;
  /** Blocks waiting for {@link settle}; a batch of changes (an add's) touches at most three blocks. */
  private readonly dirty: Int32Array = new Int32Array(3);
  private dirtyCount = 0;

  constructor(blockShift: number) {
    this.shift = blockShift;
  }

  /** Rebuilds over new arrays (`x` has `slots + 1` entries, the last being +Infinity). */
  reset(x: Float64Array, y: Float64Array, slots: number): void {
    this.x = x;
    this.y = y;
    this.slots = slots;
    this.blocks = ((slots - 1) >> this.shift) + 1;
    let size = 1;
    while (size < this.blocks) size *= 2;
    if (size !== this.size || this.min.length !== 2 * size) {
      this.size = size;
      this.min = new Float64Array(2 * size);
      this.count = new Float64Array(2 * size);
    }
    this.min.fill(Infinity);
    this.count.fill(0);
    for (let b = 0; b < this.blocks; b++) this.measure(b);
    for (let p = size - 1; p >= 1; p--) pull(this.min, this.count, p);
  }

  /** Approximate bytes of the tree's arrays. */
  bytes(): number {
    return 16 * this.min.length;
  }

  /** Smallest gap. */
  rootMin(): number {
    return this.min[1] as number;
  }

  /** Number of gaps equal to the smallest one. */
  rootTies(): number {
    return this.count[1] as number;
  }

  /** The gap of occupied slot `s`. */
  gapAt(s: number): number {
    return (this.x[s + 1] as number) - (this.x[s] as number);
  }

  /** The gaps of slots `lo`…`hi` (inclusive) changed: re-measures their blocks and updates the ancestors. */
  refresh(lo: number, hi: number): void {
    const first = Math.max(0, lo) >> this.shift;
    const last = Math.min(hi, this.slots - 1) >> this.shift;
    for (let b = first; b <= last; b++) {
      const p = this.size + b;
      const m = this.min[p];
      const c = this.count[p];
      this.measure(b);
      if (this.min[p] !== m || this.count[p] !== c) this.propagate(p);
    }
  }

  /**
   * The gap of occupied slot `s` changed from `before` to `after` (+Infinity for none). Updates its block's
   * minimum in place; a block whose only minimum went away is re-measured by {@link settle} (after every change
   * of the batch, so the re-measure sees them all and later changes of that block are not applied twice).
   */
  gapChanged(s: number, before: number, after: number): void {
    const b = s >> this.shift;
    for (let i = 0; i < this.dirtyCount; i++) if (this.dirty[i] === b) return;
    const p = this.size + b;
    const min = this.min;
    const count = this.count;
    const m = min[p] as number;
    const c = count[p] as number;
    let nm = m;
    let nc = c;
    if (before === m && m < Infinity) nc--;
    if (after < m) {
      nm = after;
      nc = 1;
    } else if (after === m && after < Infinity) nc++;
    else if (nc === 0 && m < Infinity) {
      this.dirty[this.dirtyCount++] = b;
      return;
    }
    if (nm === m && nc === c) return;
    min[p] = nm;
    count[p] = nc;
    this.propagate(p);
  }

  /** Re-measures the blocks {@link gapChanged} could not update in place. */
  settle(): void {
    for (let i = 0; i < this.dirtyCount; i++) {
      const first = (this.dirty[i] as number) << this.shift;
      this.refresh(first, first);
    }
    this.dirtyCount = 0;
  }

  /** Leaf of block `b` := its smallest finite gap and ties. */
  private measure(b: number): void {
    const x = this.x;
    const y = this.y;
    const from = b << this.shift;
    const to = Math.min(this.slots, from + (1 << this.shift));
    let min = Infinity;
    let ties = 0;
    for (let s = from; s < to; s++) {
      if ((y[s] as number) === 0) continue;
      const g = (x[s + 1] as number) - (x[s] as number);
      if (g < min) {
        min = g;
        ties = 1;
      } else if (g === min && g < Infinity) ties++;
    }
    this.min[this.size + b] = min;
    this.count[this.size + b] = ties;
  }

  private propagate(leaf: number): void {
    const min = this.min;
    const count = this.count;
    for (let p = leaf >> 1; p >= 1; p >>= 1) {
      const m = min[p];
      const c = count[p];
      pull(min, count, p);
      // An unchanged node has unchanged ancestors.
      if (min[p] === m && count[p] === c) return;
    }
  }

  /**
   * First occupied slot ≥ `from` whose gap is below `w`, or -1; {@link passed} then holds the number of gaps
   * equal to `w` passed over (all of them ≥ `w`). Climbs from the block and back down, so the cost grows with
   * the log of the distance, not of the tree.
   */
  firstBelow(from: number, w: number): number {
    this.passed = 0;
    const shift = this.shift;
    const b0 = from >> shift;
    const first = this.scanBelow(from, Math.min(this.slots, (b0 + 1) << shift), w);
    if (first >= 0 || b0 + 1 >= this.blocks) return first;
    const min = this.min;
    const count = this.count;
    const size = this.size;
    let ties = 0;
    let i = b0 + 1 + size;
    for (;;) {
      if ((min[i] as number) < w) {
        while (i < size) {
          i *= 2;
          if (!((min[i] as number) < w)) {
            if (min[i] === w) ties += count[i] as number;
            i++;
          }
        }
        break;
      }
      if (min[i] === w) ties += count[i] as number;
      // Next subtree to the right: climb while this node is a right child; the root has none.
      while (i & 1) i >>= 1;
      if (i === 0) {
        this.passed += ties;
        return -1;
      }
      i++;
    }
    this.passed += ties;
    const from2 = (i - size) << shift;
    const s = this.scanBelow(from2, Math.min(this.slots, from2 + (1 << shift)), w);
    if (s < 0) throw new InternalError('GapBlockTree: block minimum out of step with its slots');
    return s;
  }

  /** First occupied slot in [from, end) whose gap is below `w`, or -1; adds the gaps equal to `w` before it to {@link passed}. */
  private scanBelow(from: number, end: number, w: number): number {
    const x = this.x;
    const y = this.y;
    for (let s = from; s < end; s++) {
      if ((y[s] as number) === 0) continue;
      const g = (x[s + 1] as number) - (x[s] as number);
      if (g < w) return s;
      if (g === w) this.passed++;
    }
    return -1;
  }

  /** The slot of the `k`-th (1-based) gap equal to the smallest one, in slot order. */
  kthTie(k: number): number {
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
    const x = this.x;
    const y = this.y;
    const from = (node - this.size) << this.shift;
    const to = Math.min(this.slots, from + (1 << this.shift));
    for (let s = from; s < to; s++) {
      if ((y[s] as number) !== 0 && (x[s + 1] as number) - (x[s] as number) === m && --rank === 0) return s;
    }
    throw new InternalError('GapBlockTree: tie not found (tree out of step with its slots)');
  }

  /** Number of gaps equal to `w` in slots [lo, hi), where no gap is below `w`. */
  tiesBetween(lo: number, hi: number, w: number): number {
    if (lo >= hi) return 0;
    const shift = this.shift;
    const bl = lo >> shift;
    const bh = (hi - 1) >> shift;
    if (bl === bh) return this.scanTies(lo, hi, w);
    let ties = this.scanTies(lo, (bl + 1) << shift, w) + this.scanTies(bh << shift, hi, w);
    // Whole blocks bl+1 … bh-1, bottom-up over the tree.
    const min = this.min;
    const count = this.count;
    let l = bl + 1 + this.size;
    let r = bh + this.size;
    while (l < r) {
      if (l & 1) {
        if (min[l] === w) ties += count[l] as number;
        l++;
      }
      if (r & 1) {
        r--;
        if (min[r] === w) ties += count[r] as number;
      }
      l >>= 1;
      r >>= 1;
    }
    return ties;
  }

  private scanTies(lo: number, hi: number, w: number): number {
    const x = this.x;
    const y = this.y;
    let ties = 0;
    for (let s = lo; s < hi; s++) {
      if ((y[s] as number) !== 0 && (x[s + 1] as number) - (x[s] as number) === w) ties++;
    }
    return ties;
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
