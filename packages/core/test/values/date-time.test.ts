import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  formatDate,
  formatTimestamp,
  parseDate,
  parseTimestamp,
  tryParseDate,
  tryParseTimestamp,
} from '@hive-batch/core';

describe('dates', () => {
  it.each<[number, string]>([
    [0, '1970-01-01'],
    [-1, '1969-12-31'],
    [59, '1970-03-01'],
    [11016, '2000-02-29'],
    [-719528, '0000-01-01'],
    [2932896, '9999-12-31'],
    [-141427, '1582-10-15'],
    [-141428, '1582-10-14'],
  ])('day %i is %s', (days, text) => {
    expect(formatDate(days)).toBe(text);
    expect(parseDate(text)).toBe(days);
  });

  it.each<[string, string | null]>([
    ['2020-1-5', '2020-01-05'],
    ['  2020-01-05  ', '2020-01-05'],
    ['2020-01-05 10:11:12', '2020-01-05'],
    ['2019-02-29', '2019-03-01'],
    ['2020-13-01', '2021-01-01'],
    ['2020-01-32', '2020-02-01'],
    ['2020/01/01', null],
    ['20200101', null],
    ['2020-01-01T00:00:00', null],
    ['', null],
    ['abc', null],
    ['2020-001-01', null],
    ['1000000000-01-01', null],
  ])('CAST(%j AS DATE) is %s', (text, expected) => {
    const d = tryParseDate(text);
    expect(d == null ? null : formatDate(d)).toBe(expected);
  });

  it('parseDate throws INVALID_ARGUMENT', () => {
    expect(() => parseDate('x')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('civil <-> days round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_000_000, max: 3_000_000 }), (days) => {
        const [y, m, d] = civilFromDays(days);
        expect(daysFromCivil(y, m, d)).toBe(days);
        expect(m >= 1 && m <= 12 && d >= 1 && d <= 31).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('agrees with JS Date (proleptic Gregorian, UTC) in years 1..9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (days) => {
        const iso = new Date(days * 86_400_000).toISOString().slice(0, 10);
        expect(formatDate(days)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('timestamps', () => {
  it.each<[string, bigint, string]>([
    ['1970-01-01 00:00:00', 0n, '1970-01-01 00:00:00'],
    ['1970-01-01 00:00:01.5', 1_500_000n, '1970-01-01 00:00:01.5'],
    ['1969-12-31 23:59:59.999999', -1n, '1969-12-31 23:59:59.999999'],
    ['2012-02-29 12:34:56.123456789', 1330518896123456n, '2012-02-29 12:34:56.123456'],
    ['2012-02-29', 1330473600000000n, '2012-02-29 00:00:00'],
    ['2012-2-3 4:5:6', 1328241906000000n, '2012-02-03 04:05:06'],
    ['2012-02-03T04:05', 1328241900000000n, '2012-02-03 04:05:00'],
    ['2012-02-03T04:05:06.7', 1328241906700000n, '2012-02-03 04:05:06.7'],
    ['  2012-02-03 24:00:00 ', 1328313600000000n, '2012-02-04 00:00:00'],
  ])('%j parses to %s µs and prints as %s', (text, micros, printed) => {
    expect(parseTimestamp(text)).toBe(micros);
    expect(formatTimestamp(micros)).toBe(printed);
  });

  it.each([
    '2012-02-03 04:05',
    '2012-02-03T25:00:00',
    '2012-02-30T00:00:00',
    'x',
    '2012-02-03 04:05:06.',
    '2012-02-03 04:05:06.1234567890',
    '300000-01-01 00:00:00',
  ])('%j is not a timestamp', (text) => {
    expect(tryParseTimestamp(text)).toBeNull();
    expect(() => parseTimestamp(text)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('format then parse is the identity', () => {
    const range = fc.bigInt({ min: -62135596800000000n, max: 253402300799999999n });
    fc.assert(
      fc.property(range, (us) => {
        expect(parseTimestamp(formatTimestamp(us))).toBe(us);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
