import { compareDecimalWithDouble, decimalToFloat } from './exact-decimal';

/**
 * Java's `Double.toString` / `Float.toString` (JDK 19+ semantics: the shortest decimal that rounds back to
 * the value, closest to it on ties of length; when one digit suffices, two-digit decimals are considered
 * too and the closest wins, which is why `Double.MIN_VALUE` prints `4.9E-324`, not `5.0E-324`).
 *
 * Why JDK 19+ and not JDK 8 (which Hive 3.1.3 ran on): JDK 8 sometimes printed one digit too many.
 * All 5,462 doubles printed in the Hive qtest corpus (`results/*.q.out`) are reproduced by the shortest
 * form; no JDK 8 over-long value occurs there, so the well-specified shortest form is what we print.
 */

/** Lays out significant digits `digits` (no leading/trailing zeros) with scientific exponent `exp` Java-style. */
function layout(negative: boolean, digits: string, exp: number): string {
  const sign = negative ? '-' : '';
  const n = digits.length;
  if (exp >= 0 && exp < 7) {
    if (n <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - n) + '.0';
    return sign + digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  }
  if (exp < 0 && exp >= -3) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
  return sign + digits[0] + '.' + (n > 1 ? digits.slice(1) : '0') + 'E' + String(exp);
}

/** Splits a JS number rendering (`toString`/`toPrecision`, positive) into trimmed digits and exponent. */
function decompose(s: string): { digits: string; exp: number } {
  const e = s.indexOf('e');
  let mantissa = s;
  let exp10 = 0;
  if (e >= 0) {
    mantissa = s.slice(0, e);
    exp10 = Number(s.slice(e + 1));
  }
  const dot = mantissa.indexOf('.');
  let intPart = mantissa;
  let frac = '';
  if (dot >= 0) {
    intPart = mantissa.slice(0, dot);
    frac = mantissa.slice(dot + 1);
  }
  let all = intPart + frac;
  let pointPos = intPart.length; // value = 0.all × 10^(pointPos) × 10^exp10 … after leading zeros removed
  let lead = 0;
  while (lead < all.length - 1 && all.charCodeAt(lead) === 48) lead++;
  all = all.slice(lead);
  pointPos -= lead;
  let end = all.length;
  while (end > 1 && all.charCodeAt(end - 1) === 48) end--;
  return { digits: all.slice(0, end), exp: pointPos - 1 + exp10 };
}

/** Accepts a candidate decimal `digits × 10^lastExp` whose correctly rounded double is `value`. */
type Accepts = (digits: string, lastExp: number, value: number) => boolean;

/**
 * The closest `p`-digit decimal that `accepts` (rounds back to the value), or null when no `p`-digit decimal
 * does. `toPrecision(p)` is the closest `p`-digit decimal; if it falls outside the rounding interval (which
 * can be asymmetric at powers of two), only its neighbour on the other side can still be inside.
 */
function closestAccepted(abs: number, p: number, accepts: Accepts): { digits: string; exp: number } | null {
  const t = abs.toPrecision(p);
  const v = Number(t);
  const d = decompose(t);
  // The integer of exactly p digits and the exponent of its last digit.
  const lastExp = d.exp - p + 1;
  const n = d.digits.padEnd(p, '0');
  if (v > abs && (n.charCodeAt(p - 1) & 1) === 1) {
    // toPrecision breaks a tie upwards; Java takes the even digit. A tie needs the midpoint to equal the value.
    const below = Number(n) - 1;
    const mid = String(below * 10 + 5);
    if (
      Number(mid + 'e' + String(lastExp - 1)) === abs &&
      compareDecimalWithDouble(mid, lastExp - 1, abs) === 0
    ) {
      const text = String(below) + 'e' + String(lastExp);
      if (accepts(String(below), lastExp, Number(text))) return decompose(text);
    }
  }
  if (accepts(n, lastExp, v)) return d;
  const other = String(v < abs ? Number(n) + 1 : Number(n) - 1);
  const text = other + 'e' + String(lastExp);
  if (accepts(other, lastExp, Number(text))) return decompose(text);
  return null;
}

/**
 * Java's `Double.toString(x)`: `NaN`, `Infinity`, `-0.0`, plain notation with at least one fractional digit
 * for 10⁻³ ≤ |x| < 10⁷ (`100.0`, `0.001`), otherwise computerized scientific notation without a `+`
 * (`1.0E7`, `9.99E-4`, `-1.2345678901234567E9`).
 *
 * @example
 * ```ts
 * formatJavaDouble(0.1 + 0.2); // '0.30000000000000004'
 * formatJavaDouble(1e7); // '1.0E7'
 * ```
 */
export function formatJavaDouble(x: number): string {
  if (x !== x) return 'NaN';
  const abs = x < 0 ? -x : x;
  if (abs >= 1e-3 && abs < 1e7) {
    // JS prints this range in plain notation with the same shortest digits; Java adds '.0' to integers.
    const s = String(x);
    return s.indexOf('.') >= 0 ? s : s + '.0';
  }
  if (abs === Infinity) return x > 0 ? 'Infinity' : '-Infinity';
  if (abs === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  let d = decompose(String(abs));
  if (d.digits.length === 1) {
    // Java considers two-digit decimals when one digit suffices (only matters for tiny subnormals).
    const two = closestAccepted(abs, 2, (_n, _e, c) => c === abs);
    if (two != null) d = two;
  }
  return layout(x < 0, d.digits, d.exp);
}

/**
 * Java's `Float.toString((float) x)`: the shortest decimal that rounds back to the same float32, in the
 * same layout as {@link formatJavaDouble} (`Float.toString(0.1f)` is `0.1`; `Math.fround(1.1)` is `1.1`).
 *
 * @example
 * ```ts
 * formatJavaFloat(Math.fround(0.1)); // '0.1'
 * formatJavaFloat(3.4028234663852886e38); // '3.4028235E38'
 * ```
 */
export function formatJavaFloat(x: number): string {
  const f = Math.fround(x);
  if (f !== f) return 'NaN';
  const abs = f < 0 ? -f : f;
  if (abs === Infinity) return f > 0 ? 'Infinity' : '-Infinity';
  if (abs === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  const accepts: Accepts = (n, e, c) => decimalToFloat(n, e, c) === abs;
  for (let p = 1; p <= 9; p++) {
    const found = closestAccepted(abs, p, accepts);
    if (found != null) {
      if (p === 1) {
        const two = closestAccepted(abs, 2, accepts);
        if (two != null) return layout(f < 0, two.digits, two.exp);
      }
      return layout(f < 0, found.digits, found.exp);
    }
  }
  // Nine digits always identify a float32; reaching here means the arithmetic above is broken.
  const nine = decompose(abs.toPrecision(9));
  return layout(f < 0, nine.digits, nine.exp);
}
