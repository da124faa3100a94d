/**
 * Hive's printing of DATE (`yyyy-MM-dd`) and TIMESTAMP (`yyyy-MM-dd HH:mm:ss[.fffffffff]`, trailing zeros of
 * the fraction trimmed, no fraction when zero), from days / microseconds since 1970-01-01 with no zone.
 * Years use Java's `yyyy` (year of era, at least 4 digits, `+` beyond 9999).
 */
import { civilFromDays, layoutTimestamp } from '../values/date-time';

function pad2(n: number): string {
  return n < 10 ? '0' + String(n) : String(n);
}

function formatYear(y: number): string {
  // Java's `yyyy` is the year of era: proleptic year 0 is 1 BC, printed as 0001. (CAST to string uses
  // `uuuu`, the proleptic year with a '-' sign: values/date-time.ts keeps that one.)
  const yoe = y <= 0 ? 1 - y : y;
  if (yoe > 9999) return '+' + String(yoe);
  return String(yoe).padStart(4, '0');
}

/** A day number (days since 1970-01-01) as `yyyy-MM-dd`. */
export function formatHiveDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return formatYear(y) + '-' + pad2(m) + '-' + pad2(d);
}

/** Microseconds since 1970-01-01 00:00:00 (no zone) as Hive's `Timestamp.toString()`. */
export function formatHiveTimestamp(micros: bigint): string {
  return layoutTimestamp(micros, formatHiveDate);
}
