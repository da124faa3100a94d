/**
 * LazySimpleSerDe's field parsers (Hive's `LazyInteger`, `LazyDouble`, `LazyBoolean`, `LazyHiveDecimal`,
 * `LazyDate`, `LazyTimestamp`, `LazyBinary`). Each returns null where Hive yields NULL: a bad field never
 * throws. Internal to the text SerDe.
 */
import type { HiveDecimalValue } from '../values/hive-decimal';
import { HiveDecimal } from '../values/hive-decimal';
import { javaTrim } from '../values/date-time';
import { parseJavaDouble, parseJavaFloat } from '../values/parse-java-double';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Hive's `LazyUtils.isNumberMaybe`: a cheap filter run before numeric parsing (by length: empty → no,
 * one char → a digit, two chars → one of them a digit, four chars starting with N/n → no).
 */
function isNumberMaybe(s: string): boolean {
  switch (s.length) {
    case 0:
      return false;
    case 1:
      return isDigit(s.charCodeAt(0));
    case 2:
      return isDigit(s.charCodeAt(0)) || isDigit(s.charCodeAt(1));
    case 4: {
      const c = s.charCodeAt(0);
      return c !== 78 && c !== 110;
    }
    default:
      return true;
  }
}

/**
 * The integral digits of `LazyInteger.parseInt` / `LazyLong.parseLong`: optional sign, digits, and an
 * optional `.` followed by digits only (the fraction is dropped, not rounded). Returns the signed digits
 * without leading zeros (`'-0'` normalised to `'0'`), or null.
 */
function integralDigits(s: string): string | null {
  if (!isNumberMaybe(s)) return null;
  const n = s.length;
  let i = 0;
  const c0 = s.charCodeAt(0);
  const negative = c0 === 45;
  if (negative || c0 === 43) {
    i = 1;
    if (n === 1) return null;
  }
  const startDigits = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const endDigits = i;
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return null;
    for (i++; i < n; i++) if (!isDigit(s.charCodeAt(i))) return null;
  }
  let first = startDigits;
  while (first < endDigits && s.charCodeAt(first) === 48) first++;
  if (first === endDigits) return '0';
  const digits = s.slice(first, endDigits);
  return negative ? '-' + digits : digits;
}

/** Value of a short plain integer (`-?` then 1–9 digits), or NaN when the text is anything else. */
function plainSmallInt(s: string): number {
  const n = s.length;
  if (n === 0 || n > 10) return NaN;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n || n - i > 9) return NaN;
  let v = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return s.charCodeAt(0) === 45 ? -v : v;
}

/** `LazyByte`/`LazyShort`/`LazyInteger`: a number in [min, max], or null. */
export function parseLazyIntegral(s: string, min: number, max: number): number | null {
  // Fast path for the common plain form; everything else goes through Hive's full rules.
  const fast = plainSmallInt(s);
  if (fast === fast) return fast < min || fast > max ? null : fast === 0 ? 0 : fast;
  const d = integralDigits(s);
  if (d == null || d.length > 11) return null;
  const v = Number(d);
  return v < min || v > max ? null : v;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** `LazyLong`: a bigint in the Java long range, or null. */
export function parseLazyBigint(s: string): bigint | null {
  const d = integralDigits(s);
  if (d == null || d.length > 20) return null;
  const v = BigInt(d);
  return v < LONG_MIN || v > LONG_MAX ? null : v;
}

/**
 * `LazyDouble`: Hive's {@link isNumberMaybe} filter, then Java's `Double.parseDouble` (whitespace, sign, NaN,
 * Infinity, hex, f/d suffixes), or null. The filter is the only difference from `CAST(string AS double)`
 * ({@link parseJavaDouble}): it gives NULL for an empty field, a one-char field that is not a digit, a
 * two-char field without a digit and a four-char field starting with N/n (so `'NaN '` is NULL here but NaN
 * in a cast).
 */
export function parseLazyDouble(s: string): number | null {
  return isNumberMaybe(s) ? parseJavaDouble(s) : null;
}

/** `LazyFloat`: Hive's {@link isNumberMaybe} filter, then Java's `Float.parseFloat`, or null. */
export function parseLazyFloat(s: string): number | null {
  return isNumberMaybe(s) ? parseJavaFloat(s) : null;
}

/**
 * `LazyBoolean`: `true`/`false` in any letter case; with Hive's extended literals
 * (`hive.lazysimple.extended_boolean_literal`) also `t`/`f`/`1`/`0` (any case). Otherwise null.
 */
export function parseLazyBoolean(s: string, extended: boolean): boolean | null {
  const n = s.length;
  if (n === 4 && s.toLowerCase() === 'true') return true;
  if (n === 5 && s.toLowerCase() === 'false') return false;
  if (extended && n === 1) {
    const c = s.charCodeAt(0) | 32;
    if (c === 116 || s === '1') return true;
    if (c === 102 || s === '0') return false;
  }
  return null;
}

const MAX_PRECISION = 38;

/** Digits before the decimal point, ignoring leading zeros (0 for |d| < 1). */
function integerDigitCount(d: HiveDecimalValue): number {
  return d.isZero() || d.abs().lt(1) ? 0 : d.e + 1;
}

/**
 * `LazyHiveDecimal`: HiveDecimal's text parsing (blanks trimmed, optional sign, digits with one optional `.`,
 * optional exponent), fitted to 38 digits (more than 38 integer digits → NULL, extra fraction digits rounded
 * HALF_UP), then `enforcePrecisionScale(precision, scale)`: HALF_UP to `scale`, NULL if the integer part needs
 * more than `precision − scale` digits.
 */
export function parseLazyDecimal(s: string, precision: number, scale: number): HiveDecimalValue | null {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  if (a === b) return null;
  let i = a;
  const c0 = s.charCodeAt(i);
  if (c0 === 43 || c0 === 45) i++;
  let any = false;
  let seenDot = false;
  for (; i < b; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) any = true;
    else if (c === 46 && !seenDot) seenDot = true;
    else break;
  }
  if (!any) return null;
  if (i < b) {
    if ((s.charCodeAt(i) | 32) !== 101) return null;
    i++;
    const c = s.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    if (i >= b) return null;
    for (; i < b; i++) if (!isDigit(s.charCodeAt(i))) return null;
  }
  let d: HiveDecimalValue;
  try {
    d = new HiveDecimal(s.slice(a, b));
  } catch {
    return null;
  }
  let intDigits = integerDigitCount(d);
  if (intDigits > MAX_PRECISION) return null;
  d = d.toDecimalPlaces(MAX_PRECISION - intDigits, HiveDecimal.ROUND_HALF_UP);
  d = d.toDecimalPlaces(scale, HiveDecimal.ROUND_HALF_UP);
  intDigits = integerDigitCount(d);
  if (intDigits > precision - scale) return null;
  // Hive has no negative zero.
  return d.isZero() ? new HiveDecimal(0) : d;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** LENIENT resolution of year/month/day as java.time does it: Jan 1 of the year, plus months, plus days. */
function lenientDays(y: number, m: number, d: number): number {
  const months = m - 1;
  const year = y + Math.floor(months / 12);
  const month = months - Math.floor(months / 12) * 12 + 1;
  return daysFromCivil(year, month, 1) + (d - 1);
}

/** Reads 1..max digits at `pos`; returns [value, nextPos] or null. */
function readDigits(s: string, pos: number, max: number): [number, number] | null {
  let v = 0;
  let i = pos;
  while (i < s.length && i - pos < max && isDigit(s.charCodeAt(i))) {
    v = v * 10 + (s.charCodeAt(i) - 48);
    i++;
  }
  return i === pos ? null : [v, i];
}

/** `y-M-d` with Hive's PARSE_FORMATTER widths (year 1–10 digits, optional `-`; month/day 1–2). */
function readYmd(s: string, pos: number): [y: number, m: number, d: number, next: number] | null {
  let i = pos;
  let neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  const y = readDigits(s, i, 10);
  if (y == null || s.charCodeAt(y[1]) !== 45) return null;
  const m = readDigits(s, y[1] + 1, 2);
  if (m == null || s.charCodeAt(m[1]) !== 45) return null;
  const d = readDigits(s, m[1] + 1, 2);
  if (d == null) return null;
  return [neg ? -y[0] : y[0], m[0], d[0], d[1]];
}

/**
 * `LazyDate` (Hive 3 `Date.valueOf`): trims, drops everything from the first space, then `y-M-d` resolved
 * leniently (`2019-02-30` is `2019-03-02`). Null when it does not parse.
 */
export function parseLazyDate(text: string): number | null {
  let s = javaTrim(text);
  const sp = s.indexOf(' ');
  if (sp >= 0) s = s.slice(0, sp);
  const r = readYmd(s, 0);
  if (r == null || r[3] !== s.length) return null;
  return lenientDays(r[0], r[1], r[2]);
}

const MICROS_PER_DAY = 86_400_000_000n;

function isoTimestamp(s: string): bigint | null {
  // java.time ISO_LOCAL_DATE_TIME: yyyy-MM-ddTHH:mm[:ss[.f{1,9}]], strict ranges.
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) {
    neg = c0 === 45;
    i = 1;
  }
  const y = readDigits(s, i, 10);
  if (y == null || y[1] - i < 4 || (c0 !== 43 && c0 !== 45 && y[1] - i > 4)) return null;
  const two = (pos: number): number | null =>
    isDigit(s.charCodeAt(pos)) && isDigit(s.charCodeAt(pos + 1))
      ? (s.charCodeAt(pos) - 48) * 10 + s.charCodeAt(pos + 1) - 48
      : null;
  let p = y[1];
  if (s[p] !== '-') return null;
  const mo = two(p + 1);
  if (mo == null || s[p + 3] !== '-') return null;
  const d = two(p + 4);
  if (d == null || s[p + 6] !== 'T') return null;
  const hh = two(p + 7);
  if (hh == null || s[p + 9] !== ':') return null;
  const mi = two(p + 10);
  if (mi == null) return null;
  p += 12;
  let ss = 0;
  let nanos = 0;
  if (p < s.length) {
    if (s[p] !== ':') return null;
    const x = two(p + 1);
    if (x == null) return null;
    ss = x;
    p += 3;
    if (p < s.length) {
      if (s[p] !== '.') return null;
      const f = readDigits(s, p + 1, 9);
      if (f == null || f[1] !== s.length) return null;
      nanos = f[0] * 10 ** (9 - (f[1] - p - 1));
    }
  }
  const year = neg ? -y[0] : y[0];
  const dim = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > (dim[mo - 1] ?? 0) || hh > 23 || mi > 59 || ss > 59) return null;
  return toMicros(daysFromCivil(year, mo, d), hh * 3600 + mi * 60 + ss, nanos);
}

function toMicros(days: number, secs: number, nanos: number): bigint {
  return BigInt(days) * MICROS_PER_DAY + BigInt(secs) * 1_000_000n + BigInt(Math.floor(nanos / 1000));
}

/**
 * `LazyTimestamp` (Hive 3 `Timestamp.valueOf`): trimmed `y-M-d[ H:m:s[.f{1,9}]]` resolved leniently, else
 * ISO `yyyy-MM-ddTHH:mm[:ss[.f]]`. Microseconds since the epoch (nanoseconds beyond are truncated), or null.
 */
export function parseLazyTimestamp(text: string): bigint | null {
  const s = javaTrim(text);
  const r = readYmd(s, 0);
  if (r != null) {
    let p = r[3];
    if (p === s.length) return toMicros(lenientDays(r[0], r[1], r[2]), 0, 0);
    if (s[p] === ' ') {
      const h = readDigits(s, p + 1, 2);
      const m = h != null && s[h[1]] === ':' ? readDigits(s, h[1] + 1, 2) : null;
      const sec = m != null && s[m[1]] === ':' ? readDigits(s, m[1] + 1, 2) : null;
      if (h != null && m != null && sec != null) {
        p = sec[1];
        let nanos = 0;
        let ok = p === s.length;
        if (!ok && s[p] === '.') {
          const f = readDigits(s, p + 1, 9);
          if (f != null && f[1] === s.length) {
            nanos = f[0] * 10 ** (9 - (f[1] - p - 1));
            ok = true;
          }
        }
        if (ok) return toMicros(lenientDays(r[0], r[1], r[2]), h[0] * 3600 + m[0] * 60 + sec[0], nanos);
      }
    }
  }
  return isoTimestamp(s);
}

const B64 = new Int8Array(256).fill(-1);
{
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) B64[alphabet.charCodeAt(i)] = i;
  // commons-codec decodes the URL-safe alphabet too.
  B64[45] = 62;
  B64[95] = 63;
}

/**
 * `LazyBinary`: the field's bytes are base64-decoded when every byte is in the base64 alphabet (standard or
 * URL-safe), `=` or whitespace (commons-codec `isArrayByteBase64`); if that decodes to nothing, or the test
 * fails, the raw bytes are kept.
 */
export function parseLazyBinary(bytes: Uint8Array): Uint8Array {
  for (const b of bytes) {
    if (b !== 61 && (B64[b] ?? -1) < 0 && b !== 32 && b !== 9 && b !== 10 && b !== 13) return bytes;
  }
  const out = new Uint8Array(Math.floor((bytes.length * 3) / 4) + 3);
  let k = 0;
  let acc = 0;
  let count = 0;
  for (const b of bytes) {
    if (b === 61) break;
    const v = B64[b] ?? -1;
    if (v < 0) continue;
    acc = (acc << 6) | v;
    count++;
    if (count === 4) {
      out[k++] = (acc >> 16) & 0xff;
      out[k++] = (acc >> 8) & 0xff;
      out[k++] = acc & 0xff;
      acc = 0;
      count = 0;
    }
  }
  if (count === 2) out[k++] = (acc >> 4) & 0xff;
  else if (count === 3) {
    out[k++] = (acc >> 10) & 0xff;
    out[k++] = (acc >> 2) & 0xff;
  }
  return k > 0 ? out.slice(0, k) : bytes;
}

/** Standard base64 with padding, as `Base64.encodeBase64` writes binary fields. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
