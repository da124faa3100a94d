/**
 * `java.util.Random`'s 48-bit generator as affine maps `s ↦ A·s + C (mod 2^48)`, with 48-bit values kept as two
 * 24-bit halves in plain numbers (every partial product stays below 2^53, so doubles are exact).
 */

/** The multiplier 0x5DEECE66D as [hi, lo] halves, and the addend. */
export const MULT_HI = 0x5de;
export const MULT_LO = 0xece66d;
export const ADDEND = 0xb;
export const TWO_24 = 16777216;
export const TWO_M24: number = 1 / TWO_24;

/** An affine map of the state as 24-bit halves: [A_hi, A_lo, C_hi, C_lo]. */
export type AffineMap = readonly [number, number, number, number];

const MOD = 1n << 48n;
const MULT = 0x5deece66dn;

/** k steps forwards: s ↦ A^k·s + C·(A^(k-1) + … + 1). */
export function forwardMap(k: number): AffineMap {
  const [a, c] = forwardBig(k);
  return halves(a, c);
}

/**
 * k steps backwards: s ↦ A_k⁻¹·s + D_k (mod 2^48), where k forward steps are s ↦ A_k·s + C_k and
 * D_k = −A_k⁻¹·C_k; A_k⁻¹ is the inverse of A_k modulo 2^48 (A is odd).
 */
export function backwardMap(k: number): AffineMap {
  const [ak, ck] = forwardBig(k);
  // Newton's iteration for the inverse modulo a power of two: x ← x·(2 − a·x), doubling the correct bits.
  let inv = 1n;
  for (let i = 0; i < 6; i++) inv = (inv * (2n - ((ak * inv) % MOD)) + MOD * MOD) % MOD;
  const d = (((MOD - ((inv * ck) % MOD)) % MOD) + MOD) % MOD;
  return halves(inv, d);
}

function forwardBig(k: number): [bigint, bigint] {
  let a = 1n;
  let c = 0n;
  for (let i = 0; i < k; i++) {
    a = (a * MULT) % MOD;
    c = (c * MULT + 0xbn) % MOD;
  }
  return [a, c];
}

function halves(a: bigint, c: bigint): AffineMap {
  return [Number(a >> 24n), Number(a & 0xffffffn), Number(c >> 24n), Number(c & 0xffffffn)];
}
