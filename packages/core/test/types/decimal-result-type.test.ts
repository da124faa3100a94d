import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HiveTypes,
  adjustPrecisionScale,
  avgResultType,
  decimalArithmeticResultType,
  decimalType,
  decimalTypeOf,
  formatDataType,
  parseDataType,
  sumResultType,
  validateDataType,
} from '@hive-batch/core';
import type { DecimalOperator } from '@hive-batch/core';

const T = parseDataType;

describe('decimalArithmeticResultType', () => {
  it.each<[string, DecimalOperator, string, string]>([
    // + and -: scale max(s1,s2), precision max(p1-s1,p2-s2) + scale + 1
    ['decimal(10,2)', '+', 'decimal(12,4)', 'decimal(13,4)'],
    ['decimal(10,2)', '-', 'decimal(12,4)', 'decimal(13,4)'],
    ['decimal(5,0)', '+', 'int', 'decimal(11,0)'],
    ['tinyint', '+', 'decimal(2,2)', 'decimal(6,2)'],
    ['bigint', '-', 'decimal(3,1)', 'decimal(21,1)'],
    ['decimal(38,18)', '+', 'decimal(38,18)', 'decimal(38,17)'],
    ['decimal(38,0)', '+', 'decimal(38,38)', 'decimal(38,6)'],
    ['decimal(38,4)', '+', 'decimal(1,0)', 'decimal(38,4)'],
    ['decimal(38,10)', '+', 'decimal(1,0)', 'decimal(38,9)'],
    // *: p1+p2+1, s1+s2
    ['decimal(10,2)', '*', 'decimal(12,4)', 'decimal(23,6)'],
    ['decimal(20,10)', '*', 'decimal(20,10)', 'decimal(38,17)'],
    ['decimal(38,18)', '*', 'decimal(38,18)', 'decimal(38,6)'],
    ['decimal(38,2)', '*', 'decimal(38,2)', 'decimal(38,4)'],
    ['smallint', '*', 'decimal(4,2)', 'decimal(10,2)'],
    // /: scale max(6, s1+p2+1), precision p1-s1+s2+scale
    ['decimal(10,2)', '/', 'decimal(12,4)', 'decimal(27,15)'],
    ['decimal(30,10)', '/', 'bigint', 'decimal(38,18)'],
    ['decimal(20,10)', '/', 'bigint', 'decimal(38,28)'],
    ['decimal(10,2)', '/', 'bigint', 'decimal(30,22)'],
    ['int', '/', 'decimal(5,2)', 'decimal(18,6)'],
    ['decimal(38,0)', '/', 'decimal(38,0)', 'decimal(38,6)'],
    ['decimal(3,3)', '/', 'int', 'decimal(14,14)'],
    // %: precision min(38, max(p1-s1,p2-s2) + max(s1,s2)), scale max(s1,s2)
    ['decimal(10,2)', '%', 'decimal(12,4)', 'decimal(12,4)'],
    ['decimal(38,10)', '%', 'decimal(30,30)', 'decimal(38,30)'],
    ['int', '%', 'decimal(3,2)', 'decimal(12,2)'],
  ])('%s %s %s = %s', (a, op, b, expected) => {
    expect(formatDataType(decimalArithmeticResultType(op, T(a), T(b)))).toBe(expected);
  });

  it('rejects non-decimal operands', () => {
    expect(() => decimalArithmeticResultType('+', HiveTypes.double, decimalType(5, 2))).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' }),
    );
  });

  it('always yields a valid type', () => {
    const dec = fc
      .integer({ min: 1, max: 38 })
      .chain((p) => fc.integer({ min: 0, max: p }).map((s) => decimalType(p, s)));
    fc.assert(
      fc.property(dec, dec, fc.constantFrom<DecimalOperator>('+', '-', '*', '/', '%'), (a, b, op) => {
        const r = decimalArithmeticResultType(op, a, b);
        expect(validateDataType(r)).toBe(r);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('adjustPrecisionScale', () => {
  it.each<[number, number, string]>([
    [38, 10, 'decimal(38,10)'],
    [39, 10, 'decimal(38,9)'],
    [77, 36, 'decimal(38,6)'],
    [50, 4, 'decimal(38,4)'],
    [60, 59, 'decimal(38,37)'],
    [45, 0, 'decimal(38,0)'],
  ])('(%i,%i) -> %s', (p, s, expected) => {
    expect(formatDataType(adjustPrecisionScale(p, s))).toBe(expected);
  });
});

describe('aggregate helpers', () => {
  it.each<[string, string]>([
    ['decimal(10,2)', 'decimal(20,2)'],
    ['decimal(20,10)', 'decimal(30,10)'],
    ['decimal(30,10)', 'decimal(38,10)'],
    ['decimal(38,18)', 'decimal(38,18)'],
    ['int', 'decimal(20,0)'],
  ])('sum(%s) is %s', (t, expected) => {
    expect(formatDataType(sumResultType(T(t)))).toBe(expected);
  });

  it.each<[string, string]>([
    ['decimal(10,2)', 'decimal(14,6)'],
    ['decimal(20,10)', 'decimal(24,14)'],
    ['decimal(20,5)', 'decimal(24,9)'],
    ['decimal(38,18)', 'decimal(38,18)'],
    ['decimal(38,0)', 'decimal(38,0)'],
    ['decimal(36,10)', 'decimal(38,12)'],
  ])('avg(%s) is %s', (t, expected) => {
    expect(formatDataType(avgResultType(T(t)))).toBe(expected);
  });

  it('maps integral types to their decimal types', () => {
    expect(['tinyint', 'smallint', 'int', 'bigint'].map((t) => formatDataType(decimalTypeOf(T(t))))).toEqual([
      'decimal(3,0)',
      'decimal(5,0)',
      'decimal(10,0)',
      'decimal(19,0)',
    ]);
    expect(() => decimalTypeOf(HiveTypes.string)).toThrow(expect.objectContaining({ code: 'TYPE_MISMATCH' }));
  });
});
