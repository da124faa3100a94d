/**
 * A bit-exact replica of `java.util.Random` (48-bit linear congruential generator), needed wherever Hive's
 * results depend on its draws: NumericHistogram's tie-break (seed 31183) and the FM sketch's hash
 * coefficients (seeds 99397 and 9876413).
 *
 * The 48-bit state is kept as two 24-bit halves in plain numbers so that every intermediate product stays
 * below 2^53 and is exact; this avoids BigInt on the hot path (the histogram draws once per tied gap).
 */
const MULT_HI = 0x5de; // 0x5DEECE66D >> 24
const MULT_LO = 0xece66d; // 0x5DEECE66D & 0xFFFFFF
const ADDEND = 0xb;
const TWO_24 = 16777216;
const TWO_M53 = 1 / 9007199254740992;

export class JavaRandom {
  private hi: number;
  private lo: number;

  /** Same as `new java.util.Random(seed)`; `seed` is a Java long (a safe integer or a bigint). */
  constructor(seed: number | bigint) {
    const s = (BigInt(seed) ^ 0x5deece66dn) & 0xffffffffffffn;
    this.hi = Number(s >> 24n);
    this.lo = Number(s & 0xffffffn);
  }

  /** `Random.next(bits)` for 1 ≤ bits ≤ 32: advances the state and returns its top `bits` bits as a Java int. */
  next(bits: number): number {
    // state * MULT mod 2^48 = lo*MULT_LO + 2^24*(hi*MULT_LO + lo*MULT_HI) (the 2^48 term vanishes).
    const lo = this.lo;
    const p0 = lo * MULT_LO + ADDEND;
    const carry = Math.floor(p0 / TWO_24);
    this.lo = p0 - carry * TWO_24;
    this.hi = (this.hi * MULT_LO + lo * MULT_HI + carry) % TWO_24;
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
}
