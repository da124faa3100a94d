/**
 * An independent model of Java's Double.toString / Float.toString (JDK 19+ specification), written from the
 * Javadoc rather than from the implementation: exact rational arithmetic with BigInt, the rounding interval of
 * the binary value, the shortest decimal length whose grid meets the interval, the closest such decimal (ties to
 * an even digit), the "length 1 → consider length 2" rule, and the layout chosen by the magnitude of the value.
 */

interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** Mantissa, exponent, and whether the gap below is half the gap above (a power of two above the minimum). */
function binaryParts(x: number, float: boolean): { m: bigint; e: number; narrowBelow: boolean } {
  if (float) {
    const b = new DataView(new ArrayBuffer(4));
    b.setFloat32(0, x);
    const bits = b.getUint32(0);
    const biased = (bits >>> 23) & 0xff;
    const frac = bits & 0x7fffff;
    const m = BigInt(biased === 0 ? frac : frac | 0x800000);
    return { m, e: (biased === 0 ? 1 : biased) - 150, narrowBelow: frac === 0 && biased > 1 };
  }
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  const hi = b.getUint32(0);
  const lo = b.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const m = biased === 0 ? frac : frac | (1n << 52n);
  return { m, e: (biased === 0 ? 1 : biased) - 1075, narrowBelow: frac === 0n && biased > 1 };
}

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/** q × 10^s compared with r: sign of (q·10^s − r). */
function cmpScaled(q: bigint, s: number, r: Rational): number {
  const a = s >= 0 ? q * pow10(s) * r.d : q * r.d;
  const b = s >= 0 ? r.n : r.n * pow10(-s);
  return a > b ? 1 : a < b ? -1 : 0;
}

/** floor(r / 10^s) */
function floorDiv(r: Rational, s: number): bigint {
  const num = s >= 0 ? r.n : r.n * pow10(-s);
  const den = s >= 0 ? r.d * pow10(s) : r.d;
  return num / den;
}

function decadeOf(r: Rational): number {
  let k = Math.floor(Math.log10(Number(r.n) / Number(r.d)));
  if (!Number.isFinite(k)) k = Math.floor((r.n.toString().length - r.d.toString().length) * 1);
  while (cmpScaled(1n, k, r) > 0) k--;
  while (cmpScaled(1n, k + 1, r) <= 0) k++;
  return k;
}

/** Closest decimal with at most `len` significant digits in the interval; null if none. */
function closestOnGrid(
  x: Rational,
  lo: Rational,
  hi: Rational,
  inclusive: boolean,
  len: number,
): { q: bigint; s: number } | null {
  const s = decadeOf(lo) - len + 1;
  let qmin = floorDiv(lo, s);
  while (cmpScaled(qmin, s, lo) < 0 || (!inclusive && cmpScaled(qmin, s, lo) === 0)) qmin++;
  let qmax = floorDiv(hi, s);
  if (!inclusive && cmpScaled(qmax, s, hi) === 0) qmax--;
  if (qmin > qmax) return null;
  let best: bigint | null = null;
  const qx = floorDiv(x, s);
  for (const q of [qx - 1n, qx, qx + 1n, qx + 2n]) {
    if (q < qmin || q > qmax) continue;
    if (best == null) {
      best = q;
      continue;
    }
    // |q·10^s − x| vs |best·10^s − x| as exact rationals.
    const dist = (v: bigint): bigint => {
      const a = s >= 0 ? v * pow10(s) * x.d : v * x.d;
      const b = s >= 0 ? x.n : x.n * pow10(-s);
      return a > b ? a - b : b - a;
    };
    const dq = dist(q);
    const db = dist(best);
    if (dq < db || (dq === db && q % 2n === 0n)) best = q;
  }
  if (best == null) best = qmin;
  return { q: best, s };
}

function modelToString(x: number, float: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return 1 / x < 0 ? '-0.0' : '0.0';
  const neg = x < 0;
  const { m, e, narrowBelow } = binaryParts(Math.abs(x), float);
  // Work in units of 2^(e-2): value 4m, interval [4m − 1 or 2, 4m + 2].
  const den = e - 2 >= 0 ? 1n : 2n ** BigInt(2 - e);
  const mul = e - 2 >= 0 ? 2n ** BigInt(e - 2) : 1n;
  const X: Rational = { n: 4n * m * mul, d: den };
  const LO: Rational = { n: (4n * m - (narrowBelow ? 1n : 2n)) * mul, d: den };
  const HI: Rational = { n: (4n * m + 2n) * mul, d: den };
  const inclusive = m % 2n === 0n;
  let found: { q: bigint; s: number } | null = null;
  let len = 1;
  for (; len <= 20; len++) {
    found = closestOnGrid(X, LO, HI, inclusive, len);
    if (found != null) break;
  }
  if (found == null) throw new Error('model: no decimal found');
  if (len === 1) found = closestOnGrid(X, LO, HI, inclusive, 2) ?? found;
  let digits = found.q.toString();
  let s = found.s;
  while (digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    s++;
  }
  const sciExp = s + digits.length - 1;
  const abs = Math.abs(x);
  let body: string;
  if (abs >= 1e-3 && abs < 1e7) {
    // Plain: integer part, '.', at least one fraction digit.
    if (sciExp >= 0) {
      const all = digits.padEnd(sciExp + 1, '0');
      const intPart = all.slice(0, sciExp + 1);
      const frac = all.slice(sciExp + 1);
      body = intPart + '.' + (frac === '' ? '0' : frac);
    } else {
      body = '0.' + '0'.repeat(-sciExp - 1) + digits;
    }
  } else {
    body = digits.charAt(0) + '.' + (digits.length > 1 ? digits.slice(1) : '0') + 'E' + String(sciExp);
  }
  return (neg ? '-' : '') + body;
}

/** Model of `Double.toString(x)`. */
export function modelDoubleToString(x: number): string {
  return modelToString(x, false);
}

/** Model of `Float.toString((float) x)`. */
export function modelFloatToString(x: number): string {
  return modelToString(Math.fround(x), true);
}
