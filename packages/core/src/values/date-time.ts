import { HiveBatchError } from '../errors/hive-batch-error';

// Java LocalDate's year range (Year.MIN_VALUE..MAX_VALUE); Hive's parser fails outside it.
const MAX_YEAR = 999_999_999;
/** Microseconds per day. */
const MICROS_PER_DAY = 86_400_000_000n;
const MICROS_PER_SECOND = 1_000_000n;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). Month and day may lie
 * outside their usual ranges; they roll over like `LocalDate.of(y,1,1).plusMonths(m-1).plusDays(d-1)` (Java's
 * LENIENT resolver, which Hive's date parser uses).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

/** The proleptic Gregorian [year, month, day] of a day number (H. Hinnant's `civil_from_days`). */
export function civilFromDays(days: number): readonly [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

// Java's `uuuu` layout: at least 4 digits, '+' above 9999, '-' for negative years.
function formatYear(y: number): string {
  if (y < 0) return `-${pad(-y, 4)}`;
  return y > 9999 ? `+${y}` : pad(y, 4);
}

/**
 * Formats days since 1970-01-01 as Hive prints a DATE: `yyyy-MM-dd` (proleptic Gregorian).
 *
 * @example
 * ```ts
 * formatDate(0); // '1970-01-01'
 * ```
 */
export function formatDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${formatYear(y)}-${pad(m, 2)}-${pad(d, 2)}`;
}

// Hive 3 `Date.valueOf`: trim, cut at the first space, then `yyyy-M-d` with 1..10 year digits and 1..2 month/day
// digits, resolved leniently (2019-02-30 is 2019-03-02).
const DATE_RE = /^(-?\d{1,10})-(\d{1,2})-(\d{1,2})$/;

/**
 * Parses a date as Hive's `CAST(string AS DATE)` does, or returns `null` when Hive would give NULL.
 * Accepts `yyyy-M-d` after trimming, ignores anything after the first space (`2020-01-01 10:00:00` is
 * 2020-01-01), and rolls over out-of-range months and days (Java's LENIENT resolver).
 */
export function tryParseDate(text: string): number | null {
  let s = javaTrim(text);
  const sp = s.indexOf(' ');
  if (sp !== -1) s = s.slice(0, sp);
  const m = DATE_RE.exec(s);
  if (m == null || Math.abs(Number(m[1])) > MAX_YEAR) return null;
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Like {@link tryParseDate} but throws.
 *
 * @throws {HiveBatchError} code `INVALID_ARGUMENT` when the text is not a date
 */
export function parseDate(text: string): number {
  const d = tryParseDate(text);
  if (d == null) throw new HiveBatchError('INVALID_ARGUMENT', `Not a date: '${text}'`);
  return d;
}

// Hive 3 `Timestamp.valueOf` PARSE_FORMATTER (lenient), then the ISO-8601 `LocalDateTime.parse` fallback.
const TS_RE = /^(-?\d{1,10})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?)?$/;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/**
 * Parses a timestamp as Hive's `CAST(string AS TIMESTAMP)` does, to microseconds since 1970-01-01T00:00:00
 * (no time zone), or returns `null` when Hive would give NULL. Accepts `yyyy-M-d[ H:m:s[.f…]]` (1..9 fraction
 * digits; fields roll over leniently) and ISO `yyyy-MM-ddTHH:mm[:ss[.f…]]`. Digits beyond microseconds are
 * dropped (truncated), because values are kept in microseconds; instants outside the signed 64-bit
 * microsecond range (about ±292,000 years) give `null`.
 */
export function tryParseTimestamp(text: string): bigint | null {
  const s = javaTrim(text);
  let m = TS_RE.exec(s);
  if (m == null) {
    m = ISO_RE.exec(s);
    if (m == null) return null;
    const [mo, d, h, mi, se] = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    const days = daysFromCivil(Number(m[1]), mo, d);
    if (mo < 1 || mo > 12 || formatDate(days).slice(-2) !== m[3] || h > 23 || mi > 59 || se > 59) return null;
  }
  if (Math.abs(Number(m[1])) > MAX_YEAR) return null;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  const micros = Number((m[7] ?? '').padEnd(6, '0').slice(0, 6));
  const total = BigInt(days) * MICROS_PER_DAY + BigInt(seconds) * MICROS_PER_SECOND + BigInt(micros);
  // Hive's LocalDateTime reaches further than 64-bit microseconds; such values cannot be represented here.
  return BigInt.asIntN(64, total) === total ? total : null;
}

/**
 * Like {@link tryParseTimestamp} but throws.
 *
 * @throws {HiveBatchError} code `INVALID_ARGUMENT` when the text is not a timestamp
 */
export function parseTimestamp(text: string): bigint {
  const t = tryParseTimestamp(text);
  if (t == null) throw new HiveBatchError('INVALID_ARGUMENT', `Not a timestamp: '${text}'`);
  return t;
}

/**
 * Formats microseconds since 1970-01-01T00:00:00 as Hive prints a TIMESTAMP: `yyyy-MM-dd HH:mm:ss`, plus
 * `.f…` with trailing zeros removed when the fraction is not zero.
 *
 * @example
 * ```ts
 * formatTimestamp(1_500_000n); // '1970-01-01 00:00:01.5'
 * ```
 */
export function formatTimestamp(micros: bigint): string {
  return layoutTimestamp(micros, formatDate);
}

/**
 * `<date> HH:mm:ss[.ffffff]` of microseconds since 1970-01-01 (no zone), the date written by `formatDay`;
 * trailing zeros of the fraction are trimmed and a zero fraction is left out. Shared by CAST (`uuuu` years)
 * and value printing (`yyyy` years, printing/format-temporal.ts).
 */
export function layoutTimestamp(micros: bigint, formatDay: (days: number) => string): string {
  let days = micros / MICROS_PER_DAY;
  let rest = micros % MICROS_PER_DAY;
  if (rest < 0n) {
    rest += MICROS_PER_DAY;
    days -= 1n;
  }
  const secOfDay = Number(rest / MICROS_PER_SECOND);
  const frac = Number(rest % MICROS_PER_SECOND);
  const hh = Math.floor(secOfDay / 3600);
  const mm = Math.floor((secOfDay % 3600) / 60);
  const ss = secOfDay % 60;
  const base = `${formatDay(Number(days))} ${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}`;
  return frac === 0 ? base : `${base}.${pad(frac, 6).replace(/0+$/, '')}`;
}

/** Days since 1970-01-01 of a timestamp (floor, so times before 1970 fall on the right day). */
export function timestampToDays(micros: bigint): number {
  const d = micros / MICROS_PER_DAY;
  return Number(micros % MICROS_PER_DAY < 0n ? d - 1n : d);
}

/** Java `String.trim`: removes leading and trailing characters ≤ U+0020. */
export function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
