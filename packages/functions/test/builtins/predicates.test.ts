import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { HiveDecimal, columnFromValues, formatDataType, getValue } from '@hive-batch/core';
import { evaluateBatchByRows } from '@hive-batch/functions';
import { lookup, resolve, run } from './harness';

describe('comparison operators', () => {
  test.each([
    ['=', ['int', 'int'], [1, 1], true],
    ['==', ['int', 'bigint'], [1, 1n], true],
    ['!=', ['int', 'int'], [1, 2], true],
    ['<>', ['string', 'string'], ['a', 'a'], false],
    ['<', ['string', 'int'], ['10', 9], false], // compared as double, not as text
    ['<', ['string', 'string'], ['10', '9'], true], // compared as text
    ['>', ['string', 'int'], ['abc', 1], null], // 'abc' is NULL as double
    ['>=', ['double', 'double'], [Number.NaN, 1e308], true], // NaN is greatest
    ['=', ['double', 'double'], [-0, 0], true],
    ['<=', ['decimal(5,2)', 'int'], [new HiveDecimal('2.50'), 3], true],
    ['=', ['date', 'string'], [18262, '2020-01-01'], true],
    ['<', ['string', 'string'], ['\uffff', '\u{1F600}'], true], // UTF-8 byte order, not UTF-16
    ['=', ['int', 'int'], [null, 1], null],
    ['<=>', ['int', 'int'], [null, null], true],
    ['<=>', ['int', 'int'], [null, 1], false],
    ['<=>', ['int', 'int'], [1, 1], true],
    ['=', ['char(5)', 'char(5)'], ['ab   ', 'ab   '], true],
    ['=', ['struct<a:int>', 'struct<a:int>'], [{ a: 1 }, { a: 1 }], true],
  ] as const)('%s %s %s = %s', (op, types, args, expected) => {
    expect(run(op, types, args)).toBe(expected);
  });

  test('comparison types', () => {
    expect(formatDataType(resolve('=', ['string', 'int']).inputTypes[0]!)).toBe('double');
    expect(formatDataType(resolve('<', ['int', 'decimal(5,2)']).inputTypes[0]!)).toBe('decimal(12,2)');
    expect(resolve('<', ['int', 'int']).resultType.kind).toBe('boolean');
    expect(() => resolve('=', ['array<int>', 'map<int,int>'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  for (const op of ['=', '<', '>=', '<>'] as const) {
    for (const type of ['int', 'bigint', 'double'] as const) {
      test(`vectorized ${op} on ${type} agrees with evaluate`, () => {
        const ev = resolve(op, [type, type]);
        const arb: fc.Arbitrary<unknown> =
          type === 'int'
            ? fc.integer({ min: -3, max: 3 })
            : type === 'bigint'
              ? fc.bigInt({ min: -3n, max: 3n })
              : fc.constantFrom(-0, 0, 1.5, Number.NaN, -Infinity);
        const v = fc.option(arb, { freq: 4, nil: null });
        fc.assert(
          fc.property(fc.array(fc.tuple(v, v), { maxLength: 30 }), (rows) => {
            const t = ev.inputTypes[0]!;
            const a = columnFromValues(
              t,
              rows.map((r) => r[0]),
            );
            const b = columnFromValues(
              t,
              rows.map((r) => r[1]),
            );
            const fast = ev.evaluateBatch!([a, b], rows.length);
            const slow = evaluateBatchByRows(ev, [a, b], rows.length);
            for (let i = 0; i < rows.length; i++) expect(getValue(fast, i)).toBe(getValue(slow, i));
          }),
          { numRuns: 30 },
        );
      });
    }
  }
});

describe('logical operators', () => {
  const T = true;
  const F = false;
  const N = null;
  test.each([
    [T, T, T, T],
    [T, F, F, T],
    [T, N, N, T],
    [F, N, F, N],
    [N, N, N, N],
    [F, F, F, F],
  ])('%s and/or %s', (a, b, and, or) => {
    expect(run('and', ['boolean', 'boolean'], [a, b])).toBe(and);
    expect(run('and', ['boolean', 'boolean'], [b, a])).toBe(and);
    expect(run('or', ['boolean', 'boolean'], [a, b])).toBe(or);
    expect(run('or', ['boolean', 'boolean'], [b, a])).toBe(or);
  });

  test('not, n-ary and, lazy flags', () => {
    expect(run('not', ['boolean'], [true])).toBe(false);
    expect(run('!', ['boolean'], [null])).toBeNull();
    expect(run('and', ['boolean', 'boolean', 'boolean'], [true, true, false])).toBe(false);
    expect(lookup('and').lazy).toBe(true);
    expect(lookup('or').lazy).toBe(true);
    expect(lookup('not').lazy).toBeUndefined();
  });
});

describe('null tests, between, in', () => {
  test('isnull / isnotnull never return NULL', () => {
    expect(run('isnull', ['int'], [null])).toBe(true);
    expect(run('isnull', ['string'], [''])).toBe(false);
    expect(run('isnotnull', ['array<int>'], [[]])).toBe(true);
  });

  test.each([
    [false, 5, 1, 10, true],
    [false, 0, 1, 10, false],
    [true, 0, 1, 10, true],
    [false, 10, 1, 10, true],
    [false, null, 1, 10, null],
    [false, 5, null, 10, null],
    [false, 0, 1, null, false], // the low bound already fails
    [true, 0, 1, null, null],
    [false, 5, 10, 1, false],
  ] as const)('between(invert=%s, %s, %s, %s) = %s', (inv, x, lo, hi, expected) => {
    expect(run('between', ['boolean', 'int', 'int', 'int'], [inv, x, lo, hi])).toBe(expected);
  });

  test('between compares strings with numbers as double', () => {
    expect(run('between', ['boolean', 'string', 'int', 'int'], [false, '5.5', 5, 6])).toBe(true);
    expect(run('between', ['boolean', 'string', 'string', 'string'], [false, 'b', 'a', 'c'])).toBe(true);
  });

  test.each([
    [['int', 'int', 'int'], [1, 2, 1], true],
    [['int', 'int', 'int'], [3, 2, 1], false],
    [['int', 'int', 'void'], [3, 2, null], null],
    [['int', 'int', 'void'], [2, 2, null], true],
    [['void', 'int', 'int'], [null, 2, 1], null],
    [['string', 'string', 'string'], ['b', 'a', 'b'], true],
    [['int', 'double'], [1, 1.0], true],
  ] as const)('in %s %s = %s', (types, args, expected) => {
    expect(run('in', types, args)).toBe(expected);
  });
});

describe('like and rlike', () => {
  test.each([
    ['abc', 'a%', true],
    ['abc', 'a_c', true],
    ['abc', 'a_', false],
    ['abc', '%b%', true],
    ['a%c', 'a\\%c', true],
    ['abc', 'a\\%c', false],
    ['a_c', 'a\\_c', true],
    ['axc', 'a\\_c', false],
    ['a.c', 'a.c', true],
    ['abc', 'a.c', false], // '.' is literal in LIKE
    ['a\nc', 'a_c', false], // '_' does not match line terminators (Java without DOTALL)
    ['(x)', '(%)', true],
    ['😀', '_', true], // one code point
    ['', '%', true],
  ] as const)('%j like %j = %s', (s, p, expected) => {
    expect(run('like', ['string', 'string'], [s, p])).toBe(expected);
  });

  test.each([
    ['foobar', 'oba', true],
    ['foobar', '^oba', false],
    ['foobar', '^f.*r$', true],
    ['FOO', '(?i)foo', true],
    ['a+b', '\\Qa+b\\E', true],
    ['x1', '\\p{Alpha}\\p{Digit}', true],
  ] as const)('%j rlike %j = %s', (s, p, expected) => {
    expect(run('rlike', ['string', 'string'], [s, p])).toBe(expected);
    expect(run('regexp', ['string', 'string'], [s, p])).toBe(expected);
  });

  test('NULL operands give NULL; a bad regex fails the call', () => {
    expect(run('like', ['string', 'string'], [null, '%'])).toBeNull();
    expect(run('rlike', ['string', 'void'], ['x', null])).toBeNull();
    expect(() => run('rlike', ['string', 'string'], ['x', '('])).toThrow(
      expect.objectContaining({ code: 'FUNCTION_CALL_FAILED' }),
    );
  });
});

describe('bitwise operators', () => {
  test.each([
    ['&', ['int', 'int'], [3, 5], 1],
    ['|', ['int', 'int'], [3, 5], 7],
    ['^', ['int', 'int'], [3, 5], 6],
    ['~', ['int'], [0], -1],
    ['~', ['tinyint'], [127], -128],
    ['&', ['bigint', 'int'], [-1n, 255], 255n],
    ['|', ['int', 'int'], [null, 1], null],
  ] as const)('%s %s %s = %s', (op, types, args, expected) => {
    expect(run(op, types, args)).toBe(expected);
  });

  test('only integral operands', () => {
    expect(() => resolve('&', ['double', 'int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    expect(formatDataType(resolve('|', ['smallint', 'tinyint']).resultType)).toBe('smallint');
  });
});
