import { describe, expect, test } from 'vitest';
import { HiveDecimal, formatDate, formatDataType, parseDate, parseTimestamp } from '@hive-batch/core';
import { resolve, run } from './harness';

describe('date functions', () => {
  test('to_date accepts strings, dates and timestamps and returns a date', () => {
    expect(formatDate(run('to_date', ['string'], ['2009-07-30 04:17:52']) as number)).toBe('2009-07-30');
    expect(formatDate(run('to_date', ['timestamp'], [parseTimestamp('2009-07-30 23:59:59')]) as number)).toBe(
      '2009-07-30',
    );
    expect(run('to_date', ['string'], ['not a date'])).toBeNull();
    expect(resolve('to_date', ['string']).resultType.kind).toBe('date');
    expect(() => resolve('to_date', ['int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test.each([
    ['year', '2009-07-30', 2009],
    ['month', '2009-07-30 10:00:00', 7],
    ['day', '2009-07-30', 30],
    ['dayofmonth', '2000-02-29', 29],
  ] as const)('%s(%j) = %s', (name, s, expected) => {
    expect(run(name, ['string'], [s])).toBe(expected);
    expect(run(name, ['date'], [parseDate(s)])).toBe(expected);
  });

  test('datediff, date_add, date_sub', () => {
    expect(run('datediff', ['string', 'string'], ['2009-07-30', '2009-07-31'])).toBe(-1);
    expect(run('datediff', ['string', 'date'], ['2009-03-01 12:00:00', parseDate('2009-02-01')])).toBe(28);
    expect(formatDate(run('date_add', ['string', 'int'], ['2009-07-30', 1]) as number)).toBe('2009-07-31');
    expect(formatDate(run('date_sub', ['string', 'int'], ['2009-03-01', 1]) as number)).toBe('2009-02-28');
    expect(run('date_add', ['string', 'int'], ['2009-07-30', null])).toBeNull();
    expect(() => resolve('date_add', ['string', 'double'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});

describe('cast functions', () => {
  test.each([
    ['int', 'string', '1.9', 1],
    ['tinyint', 'int', 300, 44],
    ['bigint', 'double', 1e30, 9223372036854775807n],
    ['double', 'string', '1e3', 1000],
    ['boolean', 'string', '', false],
    ['string', 'boolean', true, 'TRUE'],
    ['string', 'double', 1.0, '1.0'],
    ['int', 'string', 'x', null],
  ] as const)('%s(%s %j) = %s', (name, from, v, expected) => {
    expect(run(name, [from], [v])).toBe(expected);
  });

  test('decimal is decimal(10,0)', () => {
    expect(formatDataType(resolve('decimal', ['string']).resultType)).toBe('decimal(10,0)');
    expect(String(run('decimal', ['string'], ['2.5']))).toBe(String(new HiveDecimal(3)));
  });
});
