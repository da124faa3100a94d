/**
 * Hive's printing of DATE (`yyyy-MM-dd`) and TIMESTAMP (`yyyy-MM-dd HH:mm:ss[.fffffffff]`, trailing zeros of
 * the fraction trimmed, no fraction when zero), from days / microseconds since 1970-01-01 with no zone.
 * Years use Java's `yyyy` (year of era, at least 4 digits, `+` beyond 9999).
 */

/** Proleptic Gregorian civil date of a day number (days since 1970-01-01), H. Hinnant's algorithm. */
function civilFromDays(days: number): { y: number; m: number; d: number } {
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
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function pad2(n: number): string {
  return n < 10 ? '0' + String(n) : String(n);
}

function formatYear(y: number): string {
  // Java's `yyyy` is the year of era: proleptic year 0 is 1 BC, printed as 0001.
  const yoe = y <= 0 ? 1 - y : y;
  if (yoe > 9999) return '+' + String(yoe);
  return String(yoe).padStart(4, '0');
}

/** A day number (days since 1970-01-01) as `yyyy-MM-dd`. */
export function formatHiveDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return formatYear(y) + '-' + pad2(m) + '-' + pad2(d);
}

const MICROS_PER_DAY = 86_400_000_000n;

/** Microseconds since 1970-01-01 00:00:00 (no zone) as Hive's `Timestamp.toString()`. */
export function formatHiveTimestamp(micros: bigint): string {
  let days = micros / MICROS_PER_DAY;
  let rem = micros % MICROS_PER_DAY;
  if (rem < 0n) {
    rem += MICROS_PER_DAY;
    days -= 1n;
  }
  const r = Number(rem);
  const fracMicros = r % 1_000_000;
  const secs = (r - fracMicros) / 1_000_000;
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  let out = formatHiveDate(Number(days)) + ' ' + pad2(hh) + ':' + pad2(mm) + ':' + pad2(ss);
  if (fracMicros !== 0) {
    let frac = String(fracMicros).padStart(6, '0');
    let end = frac.length;
    while (frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
    out += '.' + frac;
  }
  return out;
}
