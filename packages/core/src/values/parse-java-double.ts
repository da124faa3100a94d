/**
 * Java's `Double.parseDouble` / `Float.parseFloat` (`FloatingDecimal.readJavaFormatString`), the one
 * implementation behind the text SerDe's `LazyDouble`/`LazyFloat`, `CAST(string AS double)` and the
 * aggregates' string arguments. `null` stands where Java throws `NumberFormatException`.
 */
import { decimalToFloat } from '../printing/exact-decimal';
import { javaTrim } from './date-time';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A validated Java floating literal: sign, significand digits and decimal exponent, or special values. */
interface JavaFloating {
  readonly negative: boolean;
  /** 'nan' | 'inf' | 'dec' | 'hex' */
  readonly form: 'nan' | 'inf' | 'dec' | 'hex';
  /** Significant digits as an integer string (decimal or hexadecimal). */
  readonly digits: string;
  /** Power of ten (dec) or two (hex) applied to `digits`. */
  readonly exp: number;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Parses an exponent `[+-]?digits` from i to the end (or before a f/F/d/D suffix). Saturates huge values. */
function readExponent(s: string, i: number, end: number): number | null {
  let neg = false;
  const c = s.charCodeAt(i);
  if (c === 43 || c === 45) {
    neg = c === 45;
    i++;
  }
  if (i >= end) return null;
  let e = 0;
  for (; i < end; i++) {
    const d = s.charCodeAt(i);
    if (!isDigit(d)) return null;
    if (e < 1e9) e = e * 10 + (d - 48);
  }
  return neg ? -e : e;
}

/** Java's `FloatingDecimal.readJavaFormatString` grammar (after `trim`), or null when Java throws. */
function readJavaFloating(text: string): JavaFloating | null {
  const s = javaTrim(text);
  let n = s.length;
  if (n === 0) return null;
  let i = 0;
  let negative = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) {
    negative = c0 === 45;
    i = 1;
  }
  const rest = s.slice(i);
  if (rest === 'NaN') return { negative, form: 'nan', digits: '0', exp: 0 };
  if (rest === 'Infinity') return { negative, form: 'inf', digits: '0', exp: 0 };
  // An optional type suffix ends the literal.
  const last = s.charCodeAt(n - 1);
  if (last === 102 || last === 70 || last === 100 || last === 68) n--;
  if (i + 1 < n && s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120) {
    // Hex: 0x h* [. h*] p [+-] d+  (at least one hex digit).
    i += 2;
    let digits = '';
    let fracDigits = 0;
    let seenDot = false;
    let any = false;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 46 && !seenDot) {
        seenDot = true;
        continue;
      }
      if (hexDigit(c) < 0) break;
      any = true;
      digits += s[i];
      if (seenDot) fracDigits++;
    }
    if (!any || i >= n || (s.charCodeAt(i) | 32) !== 112) return null;
    const e = readExponent(s, i + 1, n);
    if (e == null) return null;
    return { negative, form: 'hex', digits, exp: e - 4 * fracDigits };
  }
  let digits = '';
  let fracDigits = 0;
  let seenDot = false;
  let any = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 && !seenDot) {
      seenDot = true;
      continue;
    }
    if (!isDigit(c)) break;
    any = true;
    digits += s[i];
    if (seenDot) fracDigits++;
  }
  if (!any) return null;
  let e = 0;
  if (i < n) {
    if ((s.charCodeAt(i) | 32) !== 101) return null;
    const x = readExponent(s, i + 1, n);
    if (x == null) return null;
    e = x;
  }
  return { negative, form: 'dec', digits, exp: e - fracDigits };
}

/** A binary floating format: significand bits, largest exponent, exponent of the smallest subnormal. */
interface BinaryFormat {
  readonly precision: number;
  readonly maxExp: number;
  readonly minLsb: number;
}

const DOUBLE: BinaryFormat = { precision: 53, maxExp: 1023, minLsb: -1074 };
const FLOAT: BinaryFormat = { precision: 24, maxExp: 127, minLsb: -149 };

/** Correctly rounded value of `m × 2^e2` (m ≥ 0) in format `f`, ties to even, with gradual underflow. */
function scaleBinary(m: bigint, e2: number, f: BinaryFormat): number {
  if (m === 0n) return 0;
  const bits = m.toString(2).length;
  // Exponent of the leading bit; normal values keep `precision` bits, subnormals fewer.
  const top = bits - 1 + e2;
  if (top > f.maxExp) return Infinity;
  const lsb = Math.max(top - (f.precision - 1), f.minLsb);
  const shift = lsb - e2;
  let q: bigint;
  if (shift > 0) {
    const s = BigInt(shift);
    q = m >> s;
    const rem = m - (q << s);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  } else {
    q = m << BigInt(-shift);
  }
  // q < 2^(precision + 1), exact as a double; scaling by a power of two is exact unless it overflows.
  return Number(q) * 2 ** lsb;
}

function normaliseDecimal(digits: string, exp: number): { digits: string; exp: number } {
  let a = 0;
  while (a < digits.length - 1 && digits.charCodeAt(a) === 48) a++;
  return { digits: digits.slice(a), exp };
}

/**
 * True for `[+-]?digits[.digits]` with at least one digit and at most one `.` (both `.5` and `5.`), which
 * Java and JS `Number` read the same way (correctly rounded). Used as a fast path.
 */
function isPlainDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) i = 1;
  let digits = 0;
  let dots = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && dots === 0) dots++;
    else return false;
  }
  return digits > 0;
}

/** Java's `Double.parseDouble`: trims characters ≤ U+0020, accepts `NaN`, `[+-]Infinity`, decimal
 * literals with an optional `f`/`F`/`d`/`D` suffix and hex literals (`0x1.8p1`). Returns `null` where Java
 * throws `NumberFormatException`.
 */
export function parseJavaDouble(text: string): number | null {
  if (isPlainDecimal(text)) return Number(text);
  const f = readJavaFloating(text);
  if (f == null) return null;
  let v: number;
  if (f.form === 'nan') return NaN;
  if (f.form === 'inf') v = Infinity;
  else if (f.form === 'hex') v = scaleBinary(BigInt('0x' + f.digits), f.exp, DOUBLE);
  else {
    const d = normaliseDecimal(f.digits, f.exp);
    // JS parses a decimal literal with correct rounding (huge exponents give 0 or Infinity).
    v = d.digits === '0' ? 0 : Number(d.digits + 'e' + String(d.exp));
  }
  return f.negative ? -v : v;
}

/** Java's `Float.parseFloat` (same grammar as {@link parseJavaDouble}), rounded once to float32, or null. */
export function parseJavaFloat(text: string): number | null {
  const f = readJavaFloating(text);
  if (f == null) return null;
  let v: number;
  if (f.form === 'nan') return NaN;
  if (f.form === 'inf') v = Infinity;
  else if (f.form === 'hex') {
    // Float rounding of m × 2^e2: round to 24 bits on the float grid first.
    v = Math.fround(scaleBinary(BigInt('0x' + f.digits), f.exp, FLOAT));
  } else {
    const d = normaliseDecimal(f.digits, f.exp);
    if (d.digits === '0') v = 0;
    else v = decimalToFloat(d.digits, d.exp, Number(d.digits + 'e' + String(d.exp)));
  }
  return f.negative ? -v : v;
}
