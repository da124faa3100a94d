/**
 * Exact decimal-versus-binary helpers for the rare cases where going through a double would round twice
 * (decimal → double → float). Internal: not exported from the package.
 */

const view = new DataView(new ArrayBuffer(8));
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Exact `mantissa × 2^exp2` of a finite double. */
function doubleParts(y: number): { mantissa: bigint; exp2: number } {
  view.setFloat64(0, y);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mantissa |= 1n << 52n;
  const exp2 = (biased === 0 ? 1 : biased) - 1075;
  return { mantissa: y < 0 ? -mantissa : mantissa, exp2 };
}

/** Sign of `digits × 10^exp10 − y` for a non-negative decimal integer `digits` and finite `y`. */
export function compareDecimalWithDouble(digits: string, exp10: number, y: number): number {
  const { mantissa, exp2 } = doubleParts(y);
  let lhs = BigInt(digits);
  let rhs = mantissa;
  if (exp10 >= 0) lhs *= 10n ** BigInt(exp10);
  else rhs *= 10n ** BigInt(-exp10);
  if (exp2 >= 0) rhs <<= BigInt(exp2);
  else lhs <<= BigInt(-exp2);
  return lhs > rhs ? 1 : lhs < rhs ? -1 : 0;
}

/** The float32 next to the non-negative float `a` in the direction of `toward`. */
function nextFloatToward(a: number, toward: number): number {
  f32[0] = a;
  const bits = u32[0] ?? 0;
  u32[0] = toward > a ? bits + 1 : bits - 1;
  return f32[0] ?? a;
}

/**
 * Float rounding of the non-negative decimal `digits × 10^exp10` whose correctly rounded double is `c`.
 * `Math.fround(c)` is right unless `c` lies exactly halfway between two floats; then the exact decimal
 * decides the direction.
 */
export function decimalToFloat(digits: string, exp10: number, c: number): number {
  const r = Math.fround(c);
  if (r === c || r === Infinity || c === 0) return r;
  const other = nextFloatToward(r, c);
  if ((r + other) / 2 !== c) return r;
  const cmp = compareDecimalWithDouble(digits, exp10, c);
  if (cmp === 0) return r;
  const above = cmp > 0;
  return above === other > r ? other : r;
}
