import { InternalError } from '@hive-batch/core';
import type { JavaRandom } from '../java-random';
import { GapBlockTree } from './gap-block-tree';
import { PrefixDrawChain } from './prefix-draw-chain';

/** Slots are respread over twice as many once more than 5/8 of them hold bins. */
const MAX_FILL_EIGHTHS = 5;

/** Values whose slot searches {@link SlottedHistogram.addRange} interleaves. */
const SEARCH_LANES = 16;

/** How far an insertion looks for an empty slot to shift into before respreading every bin. */
const SHIFT_REACH = 16;

/**
 * The bins of {@link FastNumericHistogram} past its small mode: Hive's sorted bin list kept in a gapped slot
 * array, so that bins keep their slot while others come and go and a change touches a few slots only.
 * Occupied slots hold a bin (height > 0) in ascending centre order; an empty slot has height 0 and carries the
 * centre of the next occupied slot (+Infinity past the last), which keeps `x` sorted for the binary search and
 * makes every bin's gap `x[s + 1] - x[s]`.
 *
 * Hive's add is an insert plus, once the histogram is full, a trim merging the closest pair. On spread data the
 * new value's own gap is almost always the smallest, so the merge folds it straight into a neighbour and no
 * slot changes hands; the draws Hive's scan makes on the way come from the {@link PrefixDrawChain}. Otherwise
 * the value is inserted and the trim runs on the {@link GapBlockTree}.
 *
 * When exactness would need Hive's own structure (a centre rounding onto a neighbour, a gap overflowing to
 * infinity, or too many scan records) `needsFaithful` is set with the bins exactly as Hive's would be, possibly
 * with one trim pending; the owner then converts and finishes the trim there.
 */
export class SlottedHistogram {
  /** Bins in use (Hive's `nusedbins`). */
  used: number;
  private x: Float64Array;
  private y: Float64Array;
  private slots: number;
  needsFaithful: boolean = false;
  private readonly nbins: number;
  private readonly rng: JavaRandom;
  private readonly blockShift: number;
  /** Built at the first trim (groups that never trim don't pay for it), then kept in step with the slots. */
  private tree: GapBlockTree | null = null;
  private readonly chain: PrefixDrawChain = new PrefixDrawChain();
  /** Slots found by {@link addRange}'s interleaved searches. */
  private readonly lanes: Int32Array = new Int32Array(SEARCH_LANES);

  /**
   * @param bins - Hive's bins so far (ascending distinct finite centres) and how many.
   * @param options - capacity, tie-breaking generator and slots per tree block (as a shift; tests use 0).
   */
  constructor(
    bins: { readonly x: ArrayLike<number>; readonly y: ArrayLike<number>; readonly used: number },
    options: { readonly nbins: number; readonly rng: JavaRandom; readonly blockShift: number },
  ) {
    this.nbins = options.nbins;
    this.rng = options.rng;
    this.blockShift = options.blockShift;
    this.used = bins.used;
    this.slots = 0;
    this.x = new Float64Array(1);
    this.y = new Float64Array(0);
    this.spread(bins.x, bins.y, slotsFor(bins.used + 1));
  }

  /** Approximate bytes held. */
  bytes(): number {
    return 16 * this.slots + (this.tree?.bytes() ?? 0) + this.chain.bytes() + 160;
  }

  /** The bins in order, as Hive lists them. */
  bins(): { x: Float64Array; y: Float64Array; used: number } {
    const x = new Float64Array(this.used);
    const y = new Float64Array(this.used);
    let o = 0;
    for (let s = 0; s < this.slots; s++) {
      if ((this.y[s] as number) === 0) continue;
      x[o] = this.x[s] as number;
      y[o++] = this.y[s] as number;
    }
    return { x, y, used: this.used };
  }

  /** Hive's `add(v)` for a finite v, including its trim. */
  add(v: number): void {
    this.addAt(v, lowerBound(this.x, this.slots, v));
  }

  /**
   * `add` of the finite values `values[from..to)` in order; stops early, returning the index of the next value
   * to add, once {@link needsFaithful} is set (else returns `to`).
   *
   * The slots of SEARCH_LANES values are searched together before they are added: each search is a chain of
   * dependent loads, and interleaving independent chains lets the CPU overlap their cache misses. Most adds move
   * no slot, so the slot found is still right when its turn comes; each one is checked, and searched again if an
   * add before it moved the slots.
   */
  addRange(values: Float64Array, from: number, to: number): number {
    const lanes = this.lanes;
    let i = from;
    while (i < to) {
      const k = Math.min(SEARCH_LANES, to - i);
      lowerBounds(this.x, this.slots, { values, from: i, count: k, out: lanes });
      for (let j = 0; j < k; j++, i++) {
        if (this.needsFaithful) return i;
        const v = values[i] as number;
        const x = this.x;
        let s = lanes[j] as number;
        if (!(s <= this.slots && (x[s] as number) >= v && (s === 0 || (x[s - 1] as number) < v)))
          s = lowerBound(x, this.slots, v);
        this.addAt(v, s);
      }
    }
    return to;
  }

  /** `add(v)` with `s` the first slot whose centre is ≥ v (the search already made). */
  private addAt(v: number, s: number): void {
    const x = this.x;
    const y = this.y;
    const slots = this.slots;
    if (x[s] === v) {
      let t = s;
      while ((y[t] as number) === 0) t++;
      y[t] = (y[t] as number) + 1;
      return;
    }
    if (this.used < this.nbins) {
      this.insert(v, s);
      return;
    }
    // v goes between the bin at s - 1 (if any: the slot before the first centre ≥ v is occupied) and the next
    // occupied slot t (slots when none).
    let t = s;
    while (t < slots && (y[t] as number) === 0) t++;
    const tree = this.treeBuilt();
    const a = s - 1;
    const gL = a >= 0 ? v - (x[a] as number) : Infinity;
    const gR = t < slots ? (x[t] as number) - v : Infinity;
    const m = gL < gR ? gL : gR;
    const finite = (a < 0 || gL < Infinity) && (t === slots || gR < Infinity);
    if (finite && m < tree.rootMin()) this.foldIntoNeighbour(v, a, t);
    else {
      this.insert(v, s);
      if (!this.needsFaithful) this.trim();
    }
  }

  /**
   * The trim of an add whose own gap (v's to a neighbour) is below every other: Hive would insert v and merge it
   * right back, so the neighbour absorbs it in place. The draws are those of Hive's scan up to that gap.
   */
  private foldIntoNeighbour(v: number, a: number, t: number): void {
    const x = this.x;
    const gL = a >= 0 ? v - (x[a] as number) : Infinity;
    const gR = t < this.slots ? (x[t] as number) - v : Infinity;
    // The first gap equal to the minimum is the left one when both tie.
    const leftFirst = gL <= gR;
    let draws = 0;
    if (a >= 0) {
      const chain = this.chain;
      if (!chain.ensure(this.treeBuilt())) {
        this.insert(v, a + 1);
        this.needsFaithful = true;
        return;
      }
      draws = chain.drawsBefore(a, this.treeBuilt());
      // When the right gap is the minimum, the scan passes the left one first.
      if (!leftFirst && gL === chain.runningMin) draws++;
    }
    const rng = this.rng;
    rng.skip(2 * draws);
    let right = !leftFirst;
    if (gL === gR) right = rng.lastReservoirPick(1, 1) === 1;
    if (right) this.absorbRight(v, a, t);
    else this.absorbLeft(v, a, t);
  }

  /** Hive's merge of bin a with the new value v after it (v itself never takes a slot). */
  private absorbLeft(v: number, a: number, t: number): void {
    const y = this.y;
    const ya = y[a] as number;
    const c = mergedCentre(this.x[a] as number, ya, v, 1);
    let p = a - 1;
    while (p >= 0 && (y[p] as number) === 0) p--;
    this.recentre(a, p, c, ya + 1);
    this.checkGaps(p, c, t);
  }

  /** Hive's merge of the new value v with bin t after it; t keeps its slot. */
  private absorbRight(v: number, a: number, t: number): void {
    const y = this.y;
    const yt = y[t] as number;
    const c = mergedCentre(v, 1, this.x[t] as number, yt);
    let n = t + 1;
    while (n < this.slots && (y[n] as number) === 0) n++;
    this.recentre(t, a, c, 1 + yt);
    this.checkGaps(a, c, n);
  }

  /**
   * Bin k takes centre c and height d in its own slot (p: the bin before it, or -1). No bin moves: the empty
   * slots between p and k carry c, and only the gaps of p and k change.
   */
  // eslint-disable-next-line max-params -- a slot, its neighbour and the new bin, on the hot path (no object per add)
  private recentre(k: number, p: number, c: number, d: number): void {
    const x = this.x;
    const xk = x[k] as number;
    const next = x[k + 1] as number;
    x[k] = c;
    this.y[k] = d;
    for (let e = k - 1; e > p; e--) x[e] = c;
    if (p >= 0) this.gapChanged(p, xk - (x[p] as number), c - (x[p] as number));
    this.gapChanged(k, next - xk, next - c);
    this.tree?.settle();
  }

  /** Hive's trim on the tree: merges the closest pair (ties broken by the generator) until nbins remain. */
  trim(): void {
    while (this.used > this.nbins) {
      const tree = this.treeBuilt();
      const chain = this.chain;
      if (!chain.ensure(tree)) {
        this.needsFaithful = true;
        return;
      }
      const m = tree.rootMin();
      const further = tree.rootTies() - 1;
      if (chain.lastValue() !== m)
        throw new InternalError('SlottedHistogram: scan chain out of step with the gaps');
      // Draws before the first gap equal to m cannot decide the pair (a later reset discards them): skip them.
      // From there on Hive draws once per further tie; the last success picks the pair.
      this.rng.skip(2 * (chain.totalDraws() - further));
      const pick = this.rng.lastReservoirPick(1, further);
      // The first tie is the chain's last record: no tree descent when it wins (always, for a unique minimum).
      this.mergeWithNext(pick === 0 ? chain.lastSlot() : tree.kthTie(pick + 1));
      if (this.needsFaithful) return;
    }
  }

  /** Hive's merge of the bin at slot k with the next bin. */
  private mergeWithNext(k: number): void {
    const x = this.x;
    const y = this.y;
    const slots = this.slots;
    let b = k + 1;
    while ((y[b] as number) === 0) b++;
    let p = k - 1;
    while (p >= 0 && (y[p] as number) === 0) p--;
    let n = b + 1;
    while (n < slots && (y[n] as number) === 0) n++;
    const yk = y[k] as number;
    const yb = y[b] as number;
    const d = yk + yb;
    const c = mergedCentre(x[k] as number, yk, x[b] as number, yb);
    // Slots k+1 … b are empty from now on and carry the next bin's centre.
    const carry = x[b + 1] as number;
    const xk = x[k] as number;
    const xb = x[b] as number;
    x[k] = c;
    y[k] = d;
    y[b] = 0;
    for (let e = k + 1; e <= b; e++) x[e] = carry;
    for (let e = k - 1; e > p; e--) x[e] = c;
    this.used--;
    // No bin moves: the gaps of p and k change and b's goes away. The chain loses its last record (k's gap).
    const tree = this.tree;
    if (tree != null) {
      if (p >= 0) tree.gapChanged(p, xk - (x[p] as number), c - (x[p] as number));
      tree.gapChanged(k, xb - xk, carry - c);
      tree.gapChanged(b, carry - xb, Infinity);
      tree.settle();
    }
    this.chain.invalidate(p);
    this.checkGaps(p, c, n);
  }

  /**
   * Sets `needsFaithful` unless centre c sits strictly between the bins at slots p and n (either may be
   * missing: -1 / slots) with finite gaps: the binary search needs distinct centres and the tree finite gaps.
   */
  private checkGaps(p: number, c: number, n: number): void {
    const lower = p >= 0 ? (this.x[p] as number) : -Infinity;
    const upper = n < this.slots ? (this.x[n] as number) : Infinity;
    const lowOk = p < 0 || (lower < c && c - lower < Infinity);
    const highOk = n >= this.slots || (c < upper && upper - c < Infinity);
    if (!(lowOk && highOk)) this.needsFaithful = true;
  }

  /**
   * Puts v into a slot of its own between its neighbours (shifting a few bins, or respreading, for room).
   * @param found - `lowerBound` of v in the current slots (the caller's search, not repeated).
   */
  private insert(v: number, found: number): void {
    let s = found;
    if (8 * (this.used + 1) > MAX_FILL_EIGHTHS * this.slots) {
      this.respread(2 * this.slots);
      s = -1;
    }
    for (;;) {
      const x = this.x;
      const y = this.y;
      const slots = this.slots;
      if (s < 0) s = lowerBound(x, slots, v);
      let t = s;
      while (t < slots && (y[t] as number) === 0) t++;
      if (s < t) {
        this.insertIntoHole(v, s, t);
        return;
      }
      // No empty slot between the neighbours: shift a few bins towards the nearest one. The new bin's slot and
      // the range of slots the move changes:
      let at = -1;
      let lo = -1;
      let hi = -1;
      const right = nearestEmptyRight(y, s, Math.min(slots, s + SHIFT_REACH));
      if (right >= 0) {
        x.copyWithin(s + 1, s, right);
        y.copyWithin(s + 1, s, right);
        at = s;
        lo = s;
        hi = right;
      } else {
        const left = nearestEmptyLeft(y, s - 2, Math.max(-1, s - 1 - SHIFT_REACH));
        if (left >= 0) {
          x.copyWithin(left, left + 1, s);
          y.copyWithin(left, left + 1, s);
          at = s - 1;
          lo = left;
          hi = s - 1;
        }
      }
      if (at < 0) {
        this.respread(this.slots);
        s = -1;
        continue;
      }
      x[at] = v;
      y[at] = 1;
      this.used++;
      this.touched(lo, hi);
      let p = at - 1;
      while (p >= 0 && (y[p] as number) === 0) p--;
      let n = at + 1;
      while (n < slots && (y[n] as number) === 0) n++;
      this.checkGaps(p, v, n);
      return;
    }
  }

  /**
   * Puts v into empty slot s, right after the previous bin (slot s - 1, if any) and before the next one at t
   * (or none: t = slots). No bin moves, so the tree and the chain update in place.
   */
  private insertIntoHole(v: number, s: number, t: number): void {
    const x = this.x;
    x[s] = v;
    this.y[s] = 1;
    this.used++;
    const next = t < this.slots ? (x[t] as number) : Infinity;
    if (s > 0) this.gapChanged(s - 1, next - (x[s - 1] as number), v - (x[s - 1] as number));
    this.gapChanged(s, Infinity, next - v);
    this.tree?.settle();
    this.checkGaps(s - 1, v, t);
  }

  /** The gap of occupied slot s changed from `before` to `after`, no bin moving. */
  private gapChanged(s: number, before: number, after: number): void {
    this.chain.gapChanged(s, before, after);
    this.tree?.gapChanged(s, before, after);
  }

  /** Slots `lo`…`hi` changed (lo - 1 is occupied or lo is 0): the gaps of lo - 1 … hi may have. */
  private touched(lo: number, hi: number): void {
    this.chain.invalidate(lo - 1);
    this.tree?.refresh(lo - 1, hi);
  }

  private treeBuilt(): GapBlockTree {
    let tree = this.tree;
    if (tree == null) {
      tree = new GapBlockTree(this.blockShift);
      tree.reset(this.x, this.y, this.slots);
      this.tree = tree;
      this.chain.invalidate(-1);
    }
    return tree;
  }

  /** Spreads the bins evenly over `slots` slots (growing or just making room). */
  private respread(slots: number): void {
    const { x, y, used } = this.bins();
    this.spread(x, y, slots);
    this.used = used;
  }

  private spread(bx: ArrayLike<number>, by: ArrayLike<number>, slots: number): void {
    const n = this.used;
    const x = new Float64Array(slots + 1);
    const y = new Float64Array(slots);
    x[slots] = Infinity;
    // Backwards, so that each empty slot carries the centre of the next bin.
    let carry = Infinity;
    let i = n - 1;
    let at = i >= 0 ? Math.floor((i * slots) / n) : -1;
    for (let s = slots - 1; s >= 0; s--) {
      if (s === at) {
        carry = bx[i] as number;
        y[s] = by[i] as number;
        i--;
        at = i >= 0 ? Math.floor((i * slots) / n) : -1;
      }
      x[s] = carry;
    }
    this.x = x;
    this.y = y;
    this.slots = slots;
    this.chain.invalidate(-1);
    this.tree?.reset(x, y, slots);
  }
}

/**
 * Hive's centre of two merged bins (left centre and height, right centre and height), with its floating-point
 * operations in its order: `x *= yl / d; x += xr / d * yr`, d = yl + yr.
 */
// eslint-disable-next-line max-params -- two (centre, height) pairs on the hot path, no object per merge
function mergedCentre(xl: number, yl: number, xr: number, yr: number): number {
  const d = yl + yr;
  let c = xl;
  c *= yl / d;
  c += (xr / d) * yr;
  return c;
}

/** Slots for n bins: a power of two at least twice n (at least 8). */
function slotsFor(n: number): number {
  let s = 8;
  while (s < 2 * n) s *= 2;
  return s;
}

/**
 * First slot s in [0, slots] with x[s] ≥ v (x[slots] is +Infinity). Branch-free halving: the comparison feeds
 * arithmetic rather than a jump, so the unpredictable outcome costs no misprediction (measured 1.3–1.5× faster
 * than the usual lo/hi loop over 16,384 slots).
 */
function lowerBound(x: Float64Array, slots: number, v: number): number {
  let base = 0;
  let n = slots;
  while (n > 1) {
    const half = n >> 1;
    base += half * +((x[base + half - 1] as number) < v);
    n -= half;
  }
  return base + +((x[base] as number) < v);
}

/**
 * `lowerBound` of `count` values from `values[from]` on, into `out`: the same halving as {@link lowerBound},
 * level by level across all of them, so that their loads are independent of each other.
 */
function lowerBounds(
  x: Float64Array,
  slots: number,
  job: {
    readonly values: Float64Array;
    readonly from: number;
    readonly count: number;
    readonly out: Int32Array;
  },
): void {
  const { values, from, count, out } = job;
  for (let j = 0; j < count; j++) out[j] = 0;
  let n = slots;
  while (n > 1) {
    const half = n >> 1;
    for (let j = 0; j < count; j++) {
      const base = out[j] as number;
      out[j] = base + half * +((x[base + half - 1] as number) < (values[from + j] as number));
    }
    n -= half;
  }
  for (let j = 0; j < count; j++) {
    const base = out[j] as number;
    out[j] = base + +((x[base] as number) < (values[from + j] as number));
  }
}

/** First empty slot in (s, limit), or -1. */
function nearestEmptyRight(y: Float64Array, s: number, limit: number): number {
  for (let e = s + 1; e < limit; e++) if ((y[e] as number) === 0) return e;
  return -1;
}

/** Last empty slot in (limit, from], or -1. */
function nearestEmptyLeft(y: Float64Array, from: number, limit: number): number {
  for (let e = from; e > limit; e--) if ((y[e] as number) === 0) return e;
  return -1;
}
