import { TWO_24, TWO_M24, forwardMap } from './java-random-maps';

/** Draws indexed per extension (small, so that the room reserved for it stays small too). */
const CHUNK_DRAWS = 1 << 16;

/**
 * Draws past which the index stops growing (~1M entries, ~20 MB): a generator that has drawn more walks its
 * draws one by one, as without the index.
 */
const MAX_DRAWS = 1 << 23;

/**
 * Draws that long picks must have asked for, process-wide, before the index is built (tests lower it to reach the
 * index at once): building costs ~13 ns a
 * draw (more before V8 has optimized it), so it pays only across many histograms. One group of 100k values asks
 * for about 0.8M; a query with a few groups never builds it.
 */
export const SMALL_DRAW_INDEX_TUNING: { buildAfterDraws: number } = { buildAfterDraws: 1 << 22 };

/** First 26 bits of a draw at or below which `nextDouble() <= 1.0 / n` can hold for some n ≥ 8. */
const SMALL_FIRST_BITS = 1 << 23;

/** The indexes built so far, by initial state (every NumericHistogram of a process shares seed 31183's). */
const BY_SEED = new Map<number, SmallDrawIndex>();

/**
 * The "small" draws of one seed's sequence of `nextDouble()` calls: those whose first 26 bits are at most 2^23,
 * one in eight. Hive breaks a histogram tie at the r-th further candidate with `nextDouble() <= 1.0 / (ties + r)`,
 * and from n = ties + r ≥ 8 on only a small draw can pass, so a search for the last passing draw over a long run
 * of ties visits an eighth of the draws. Every histogram of a process draws from the same seed, so one index,
 * grown on demand, serves them all.
 *
 * For each small draw it keeps its ordinal (0 = the first `nextDouble()` after seeding) and the generator's state
 * after the draw's first step, from which the draw's value follows.
 */
export class SmallDrawIndex {
  /** Ordinals of the small draws, ascending. */
  ordinal: Float64Array = new Float64Array(1024);
  /** State after each small draw's first step, as 24-bit halves. */
  hi: Float64Array = new Float64Array(1024);
  lo: Float64Array = new Float64Array(1024);
  /** Entries in use. */
  size = 0;
  /** Draws long picks asked for before the index was worth building. */
  private demand = 0;
  /** Draws examined so far: the index is complete for ordinals below it. */
  private covered = 0;
  /** Generator state at draw `covered` (before its first step). */
  private stateHi: number;
  private stateLo: number;

  private constructor(hi: number, lo: number) {
    this.stateHi = hi;
    this.stateLo = lo;
  }

  /** The shared index of the generator whose state right after seeding is (hi, lo). */
  static forInitialState(hi: number, lo: number): SmallDrawIndex {
    const key = hi * TWO_24 + lo;
    let index = BY_SEED.get(key);
    if (index == null) {
      index = new SmallDrawIndex(hi, lo);
      BY_SEED.set(key, index);
    }
    return index;
  }

  /**
   * Makes the index complete up to ordinal `last` inclusive, for a pick over `count` draws. False, and the caller
   * walks the draws itself, while long picks have not yet asked for enough draws to pay for building it, or when
   * `last` is past what it ever indexes.
   */
  cover(last: number, count: number): boolean {
    if (this.demand < SMALL_DRAW_INDEX_TUNING.buildAfterDraws) {
      this.demand += count;
      return false;
    }
    if (last >= MAX_DRAWS) return false;
    while (this.covered <= last) this.extend(CHUNK_DRAWS);
    return true;
  }

  /** Position of the last entry whose ordinal is at most `ordinal`, or -1. */
  lastAtOrBefore(ordinal: number): number {
    const o = this.ordinal;
    let l = 0;
    let r = this.size;
    while (l < r) {
      const m = (l + r) >> 1;
      if ((o[m] as number) <= ordinal) l = m + 1;
      else r = m;
    }
    return l - 1;
  }

  /**
   * Examines the next `draws` draws (a multiple of 4). Four lanes step side by side, each four draws at a time,
   * written out in locals: the generator is one long chain of dependent multiplications, and four independent
   * chains let the CPU overlap them (measured ~2.5× the throughput of one chain).
   */
  private extend(draws: number): void {
    // Room for every draw to be small, so the loop needs no check (about an eighth of it gets used).
    this.reserve(this.size + draws);
    const [ah, al, ch, cl] = STEP;
    const [jh, jl, jch, jcl] = JUMP4;
    let h0 = this.stateHi;
    let l0 = this.stateLo;
    let [h1, l1] = apply(DRAW, h0, l0);
    let [h2, l2] = apply(DRAW, h1, l1);
    let [h3, l3] = apply(DRAW, h2, l2);
    const { ordinal, hi, lo } = this;
    let size = this.size;
    const first = this.covered;
    for (let d = 0; d < draws; d += 4) {
      // Each draw's first step (s ↦ A·s + C in 24-bit halves); next(26) is the state's top 26 bits.
      let p = al * l0 + cl;
      let c = Math.floor(p * TWO_M24);
      const a0 = p - c * TWO_24;
      let b = ah * l0 + al * h0 + ch + c;
      const b0 = b - Math.floor(b * TWO_M24) * TWO_24;
      p = al * l1 + cl;
      c = Math.floor(p * TWO_M24);
      const a1 = p - c * TWO_24;
      b = ah * l1 + al * h1 + ch + c;
      const b1 = b - Math.floor(b * TWO_M24) * TWO_24;
      p = al * l2 + cl;
      c = Math.floor(p * TWO_M24);
      const a2 = p - c * TWO_24;
      b = ah * l2 + al * h2 + ch + c;
      const b2 = b - Math.floor(b * TWO_M24) * TWO_24;
      p = al * l3 + cl;
      c = Math.floor(p * TWO_M24);
      const a3 = p - c * TWO_24;
      b = ah * l3 + al * h3 + ch + c;
      const b3 = b - Math.floor(b * TWO_M24) * TWO_24;
      if (b0 * 4 + (a0 >>> 22) <= SMALL_FIRST_BITS) {
        ordinal[size] = first + d;
        hi[size] = b0;
        lo[size++] = a0;
      }
      if (b1 * 4 + (a1 >>> 22) <= SMALL_FIRST_BITS) {
        ordinal[size] = first + d + 1;
        hi[size] = b1;
        lo[size++] = a1;
      }
      if (b2 * 4 + (a2 >>> 22) <= SMALL_FIRST_BITS) {
        ordinal[size] = first + d + 2;
        hi[size] = b2;
        lo[size++] = a2;
      }
      if (b3 * 4 + (a3 >>> 22) <= SMALL_FIRST_BITS) {
        ordinal[size] = first + d + 3;
        hi[size] = b3;
        lo[size++] = a3;
      }
      // Every lane four draws ahead.
      p = jl * l0 + jcl;
      c = Math.floor(p * TWO_M24);
      b = jh * l0 + jl * h0 + jch + c;
      l0 = p - c * TWO_24;
      h0 = b - Math.floor(b * TWO_M24) * TWO_24;
      p = jl * l1 + jcl;
      c = Math.floor(p * TWO_M24);
      b = jh * l1 + jl * h1 + jch + c;
      l1 = p - c * TWO_24;
      h1 = b - Math.floor(b * TWO_M24) * TWO_24;
      p = jl * l2 + jcl;
      c = Math.floor(p * TWO_M24);
      b = jh * l2 + jl * h2 + jch + c;
      l2 = p - c * TWO_24;
      h2 = b - Math.floor(b * TWO_M24) * TWO_24;
      p = jl * l3 + jcl;
      c = Math.floor(p * TWO_M24);
      b = jh * l3 + jl * h3 + jch + c;
      l3 = p - c * TWO_24;
      h3 = b - Math.floor(b * TWO_M24) * TWO_24;
    }
    this.size = size;
    this.covered = first + draws;
    this.stateHi = h0;
    this.stateLo = l0;
  }

  private reserve(entries: number): void {
    if (entries <= this.ordinal.length) return;
    let length = this.ordinal.length;
    while (length < entries) length *= 2;
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(length);
      b.set(a.subarray(0, this.size));
      return b;
    };
    this.ordinal = grow(this.ordinal);
    this.hi = grow(this.hi);
    this.lo = grow(this.lo);
  }
}

/** One step, one draw (two steps) and four draws forwards. */
const STEP = forwardMap(1);
const DRAW = forwardMap(2);
const JUMP4 = forwardMap(8);

function apply(map: readonly [number, number, number, number], h: number, l: number): [number, number] {
  const [ah, al, ch, cl] = map;
  const p = al * l + cl;
  const c = Math.floor(p * TWO_M24);
  const nl = p - c * TWO_24;
  let nh = ah * l + al * h + ch + c;
  nh -= Math.floor(nh * TWO_M24) * TWO_24;
  return [nh, nl];
}
