/**
 * A bit-exact replica of `java.util.Random` (48-bit linear congruential generator), needed wherever Hive's
 * results depend on its draws: NumericHistogram's tie-break (seed 31183) and the FM sketch's hash
 * coefficients (seeds 99397 and 9876413).
 *
 * The 48-bit state is kept as two 24-bit halves in plain numbers so that every intermediate product stays
 * below 2^53 and is exact; this avoids BigInt on the hot path (the histogram draws once per tied gap).
 */
import { ADDEND, MULT_HI, MULT_LO, TWO_24, TWO_M24, backwardMap } from './java-random-maps';
import { SmallDrawIndex } from './small-draw-index';

const TWO_M53 = 1 / 9007199254740992;
const TWO_26 = 67108864;

/**
 * Shortest run of draws {@link JavaRandom.lastReservoirPick} looks up in a {@link SmallDrawIndex}: below it the
 * binary search into the index costs more than walking the draws.
 */
const INDEXED_PICK_MIN = 48;

export class JavaRandom {
  private hi: number;
  private lo: number;
  /** Calls of `next` made (or skipped) since seeding. */
  private steps = 0;
  /** The index of this seed's small draws, once {@link JavaRandom.useSharedDrawIndex} attached it. */
  private drawIndex: SmallDrawIndex | null = null;

  /** Same as `new java.util.Random(seed)`; `seed` is a Java long (a safe integer or a bigint). */
  constructor(seed: number | bigint) {
    const s = (BigInt(seed) ^ 0x5deece66dn) & 0xffffffffffffn;
    this.hi = Number(s >> 24n);
    this.lo = Number(s & 0xffffffn);
  }

  /**
   * Lets {@link JavaRandom.lastReservoirPick} look long runs of draws up in the process-wide index of this
   * seed's small draws instead of walking them (same outcomes and state). Only a fresh generator can attach it:
   * the index counts draws from the seed. Worth it where many generators of one seed draw long runs (Hive's
   * histograms all use seed 31183).
   */
  useSharedDrawIndex(): void {
    if (this.steps === 0) this.drawIndex = SmallDrawIndex.forInitialState(this.hi, this.lo);
  }

  /** `Random.next(bits)` for 1 ≤ bits ≤ 32: advances the state and returns its top `bits` bits as a Java int. */
  next(bits: number): number {
    // state * MULT mod 2^48 = lo*MULT_LO + 2^24*(hi*MULT_LO + lo*MULT_HI) (the 2^48 term vanishes).
    const lo = this.lo;
    const p0 = lo * MULT_LO + ADDEND;
    const carry = Math.floor(p0 / TWO_24);
    this.lo = p0 - carry * TWO_24;
    this.hi = (this.hi * MULT_LO + lo * MULT_HI + carry) % TWO_24;
    this.steps++;
    const seed = this.hi * TWO_24 + this.lo;
    // Exact: seed < 2^48 and the divisor is a power of two; `| 0` gives Java's (int) cast for bits = 32.
    return Math.floor(seed / 2 ** (48 - bits)) | 0;
  }

  /** `Random.nextInt()`: a uniformly distributed Java int. */
  nextInt(): number {
    return this.next(32);
  }

  /** `Random.nextDouble()`: `((next(26) << 27) + next(27)) * 2^-53`. */
  nextDouble(): number {
    return (this.next(26) * 134217728 + this.next(27)) * TWO_M53;
  }

  /**
   * Makes `count` `nextDouble()` draws, the r-th compared as `draw <= 1.0 / (ties + r)` (reservoir sampling
   * after `ties` candidates, as Hive's NumericHistogram breaks ties), and returns the last r that passed, or 0.
   * Leaves the state and gives the outcome of calling `nextDouble()` `count` times in a loop.
   *
   * Only the last success matters, so it jumps to the final state and walks the draws backwards (the generator
   * is invertible), stopping at the first success from the end: about count/2 draws instead of count. Most
   * draws are rejected from their first 26 bits alone, without computing the second half.
   */
  lastReservoirPick(ties: number, count: number): number {
    if (count <= 0) return 0;
    const index = this.drawIndex;
    // Draws sit at even steps from the seed when every call so far drew whole doubles.
    if (index != null && count >= INDEXED_PICK_MIN && this.steps % 2 === 0) {
      const first = this.steps / 2;
      if (index.cover(first + count - 1, count)) return this.indexedPick(index, ties, count);
    }
    return this.walkBackPick(ties, count);
  }

  /**
   * {@link JavaRandom.lastReservoirPick} from the index: the r-th draw is compared with 1/n, n = ties + r, and from
   * n ≥ 8 on only a small draw can pass, so those r are found among the index's entries, from the last one back.
   * The first few r (n < 8) are walked as usual if none of them passed.
   */
  private indexedPick(index: SmallDrawIndex, ties: number, count: number): number {
    const first = this.steps / 2;
    const hi0 = this.hi;
    const lo0 = this.lo;
    const steps0 = this.steps;
    // r ≥ small: draws where n ≥ 8.
    const small = Math.max(1, 8 - ties);
    let pick = 0;
    const { ordinal, hi, lo } = index;
    for (let e = index.lastAtOrBefore(first + count - 1); e >= 0; e--) {
      const r = (ordinal[e] as number) - first + 1;
      if (r < small) break;
      if (drawPasses(hi[e] as number, lo[e] as number, ties + r)) {
        pick = r;
        break;
      }
    }
    if (pick === 0 && small > 1) pick = this.walkBackPick(ties, Math.min(small - 1, count));
    this.hi = hi0;
    this.lo = lo0;
    this.steps = steps0;
    this.skip(2 * count);
    return pick;
  }

  /** {@link JavaRandom.lastReservoirPick} by walking the draws backwards from the last. */
  private walkBackPick(ties: number, count: number): number {
    // State after the first step of the last draw, then the final state.
    this.skip(2 * count - 1);
    let hi = this.hi;
    let lo = this.lo;
    this.skip(1);
    let r = count;
    if (r >= 4) {
      // Four draws at a time (r, r-1, r-2, r-3), each state walking back eight steps: four independent chains
      // of multiplications instead of one, which the CPU overlaps. Each step below is s ↦ A⁻¹·s + D (mod 2^48)
      // in 24-bit halves, written out (no call, no allocation).
      let p = lo * B2_A_LO + B2_D_LO;
      let c = Math.floor(p * TWO_M24);
      let l1 = p - c * TWO_24;
      let h1 = hi * B2_A_LO + lo * B2_A_HI + B2_D_HI + c;
      h1 -= Math.floor(h1 * TWO_M24) * TWO_24;
      p = l1 * B2_A_LO + B2_D_LO;
      c = Math.floor(p * TWO_M24);
      let l2 = p - c * TWO_24;
      let h2 = h1 * B2_A_LO + l1 * B2_A_HI + B2_D_HI + c;
      h2 -= Math.floor(h2 * TWO_M24) * TWO_24;
      p = l2 * B2_A_LO + B2_D_LO;
      c = Math.floor(p * TWO_M24);
      let l3 = p - c * TWO_24;
      let h3 = h2 * B2_A_LO + l2 * B2_A_HI + B2_D_HI + c;
      h3 -= Math.floor(h3 * TWO_M24) * TWO_24;
      while (r >= 4) {
        if (drawPasses(hi, lo, ties + r)) return r;
        if (drawPasses(h1, l1, ties + r - 1)) return r - 1;
        if (drawPasses(h2, l2, ties + r - 2)) return r - 2;
        if (drawPasses(h3, l3, ties + r - 3)) return r - 3;
        r -= 4;
        const p0 = lo * B8_A_LO + B8_D_LO;
        const p1 = l1 * B8_A_LO + B8_D_LO;
        const p2 = l2 * B8_A_LO + B8_D_LO;
        const p3 = l3 * B8_A_LO + B8_D_LO;
        const c0 = Math.floor(p0 * TWO_M24);
        const c1 = Math.floor(p1 * TWO_M24);
        const c2 = Math.floor(p2 * TWO_M24);
        const c3 = Math.floor(p3 * TWO_M24);
        const n0 = hi * B8_A_LO + lo * B8_A_HI + B8_D_HI + c0;
        const n1 = h1 * B8_A_LO + l1 * B8_A_HI + B8_D_HI + c1;
        const n2 = h2 * B8_A_LO + l2 * B8_A_HI + B8_D_HI + c2;
        const n3 = h3 * B8_A_LO + l3 * B8_A_HI + B8_D_HI + c3;
        lo = p0 - c0 * TWO_24;
        l1 = p1 - c1 * TWO_24;
        l2 = p2 - c2 * TWO_24;
        l3 = p3 - c3 * TWO_24;
        hi = n0 - Math.floor(n0 * TWO_M24) * TWO_24;
        h1 = n1 - Math.floor(n1 * TWO_M24) * TWO_24;
        h2 = n2 - Math.floor(n2 * TWO_M24) * TWO_24;
        h3 = n3 - Math.floor(n3 * TWO_M24) * TWO_24;
      }
    }
    for (; r >= 1; r--) {
      if (drawPasses(hi, lo, ties + r)) return r;
      // Back one draw (two steps).
      const p = lo * B2_A_LO + B2_D_LO;
      const c = Math.floor(p * TWO_M24);
      const nlo = p - c * TWO_24;
      let nhi = hi * B2_A_LO + lo * B2_A_HI + B2_D_HI + c;
      nhi -= Math.floor(nhi * TWO_M24) * TWO_24;
      hi = nhi;
      lo = nlo;
    }
    return 0;
  }

  /**
   * Advances the state by `steps` calls of `next(bits)` (a `nextDouble()` is two steps) in O(log steps), to
   * exactly the state that many calls would leave; `steps` is a non-negative safe integer. The histogram uses
   * it to pass over runs of tie draws whose outcomes cannot change its result.
   */
  skip(steps: number): void {
    let n = steps;
    let hi = this.hi;
    let lo = this.lo;
    for (let t = 0; n > 0; t += 4) {
      // Integer bit operations while n fits in 31 bits (always, in practice), exact halving above.
      const bit = n < 0x80000000 ? n & 1 : n % 2;
      n = n < 0x80000000 ? n >>> 1 : (n - bit) / 2;
      if (bit === 0) continue;
      // s ↦ A·s + C (mod 2^48) for this power of two, in 24-bit halves (every product below 2^53).
      const ah = JUMP_TABLE[t] as number;
      const al = JUMP_TABLE[t + 1] as number;
      const p = al * lo + (JUMP_TABLE[t + 3] as number);
      const carry = Math.floor(p * TWO_M24);
      const nlo = p - carry * TWO_24;
      let nhi = ah * lo + al * hi + (JUMP_TABLE[t + 2] as number) + carry;
      nhi -= Math.floor(nhi * TWO_M24) * TWO_24;
      hi = nhi;
      lo = nlo;
    }
    this.hi = hi;
    this.lo = lo;
    this.steps += steps;
  }
}

/**
 * `(a · b) mod 2^48` of two 48-bit values given as 24-bit halves, written into `out` as [hi, lo]. Every
 * partial product stays below 2^53, so it is exact in doubles.
 */
// eslint-disable-next-line max-params -- two 48-bit operands as halves, and the output pair (hot path, no allocation)
function mulMod48(ah: number, al: number, bh: number, bl: number, out: Float64Array): void {
  const p = al * bl;
  const carry = Math.floor(p / TWO_24);
  out[1] = p - carry * TWO_24;
  out[0] = (ah * bl + al * bh + carry) % TWO_24;
}

/**
 * Affine maps `s ↦ A·s + C (mod 2^48)` of the generator advanced by 2^j steps, j = 0…52, as
 * [A_hi, A_lo, C_hi, C_lo] rows: skipping n steps composes the rows of n's set bits in O(log n) instead of
 * stepping n times (the histogram skips whole runs of tie draws whose outcomes cannot matter).
 */
const JUMP_TABLE: Float64Array = (() => {
  const rows = 53;
  const t = new Float64Array(rows * 4);
  const tmp = new Float64Array(2);
  t[0] = MULT_HI;
  t[1] = MULT_LO;
  t[2] = 0;
  t[3] = ADDEND;
  for (let j = 1; j < rows; j++) {
    const [ah, al, ch, cl] = [
      t[4 * j - 4] as number,
      t[4 * j - 3] as number,
      t[4 * j - 2] as number,
      t[4 * j - 1] as number,
    ];
    // Doubling: A' = A·A, C' = A·C + C.
    mulMod48(ah, al, ah, al, tmp);
    t[4 * j] = tmp[0] as number;
    t[4 * j + 1] = tmp[1] as number;
    mulMod48(ah, al, ch, cl, tmp);
    const lo = (tmp[1] as number) + cl;
    const carry = lo >= TWO_24 ? 1 : 0;
    t[4 * j + 3] = lo - carry * TWO_24;
    t[4 * j + 2] = ((tmp[0] as number) + ch + carry) % TWO_24;
  }
  return t;
})();

/** One draw (two steps) backwards, as [A⁻¹_hi, A⁻¹_lo, D_hi, D_lo]. */
const [B2_A_HI, B2_A_LO, B2_D_HI, B2_D_LO] = backwardMap(2);
/** Four draws (eight steps) backwards. */
const [B8_A_HI, B8_A_LO, B8_D_HI, B8_D_LO] = backwardMap(8);

/**
 * Whether the draw whose first step left state (hi, lo) passes `nextDouble() <= 1.0 / n`. Most draws fail on
 * their first 26 bits alone: a·2^-26 ≤ draw, and a ≥ 2^26/n + 1 already exceeds fl(1/n).
 */
function drawPasses(hi: number, lo: number, n: number): boolean {
  const a = hi * 4 + (lo >>> 22); // next(26) of this draw
  if (a * n >= TWO_26 + n) return false;
  // Second step of the draw (see next()) for next(27), then the exact comparison.
  const p = lo * MULT_LO + ADDEND;
  const carry = Math.floor(p * TWO_M24);
  const l2 = p - carry * TWO_24;
  let h2 = hi * MULT_LO + lo * MULT_HI + carry;
  h2 -= Math.floor(h2 * TWO_M24) * TWO_24;
  const b = h2 * 8 + (l2 >>> 21);
  return (a * 134217728 + b) * TWO_M53 <= 1.0 / n;
}
